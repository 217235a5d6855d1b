using System.Net;
using Grants.Hosting.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Review.Tests.Sample;
using static Grants.Review.Tests.Api.Responses;

namespace Grants.Review.Tests.Api;

[Collection(ReviewApi.Name)]
public sealed class When_funding_is_decided(ReviewHost host)
{
    private readonly HttpClient _officer = host.As("officer", "olivia");
    private readonly HttpClient _approver = host.As("approver", "adam");

    /// <summary>A closed call of 150,000 whose three applications of 100,000 are reviewed: 4.5, 4.0 and 2.5 (failed).</summary>
    private async Task<(Guid Call, Guid[] Applications)> ReviewedCall()
    {
        var call = Guid.NewGuid();
        Guid[] applications = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await host.Given(call, "review-call",
            new CallRulesRecorded(call, "PB", "Peace", 2, [Theme], Rules(), Money.Eur(150_000), Now),
            new ApplicationEnteredReview(applications[0], Organisation, Money.Eur(100_000), Now.AddDays(-3)),
            new ApplicationEnteredReview(applications[1], Organisation, Money.Eur(100_000), Now.AddDays(-2)),
            new ApplicationEnteredReview(applications[2], Organisation, Money.Eur(100_000), Now.AddDays(-1)),
            new ApplicationReviewed(applications[1], 4.0m, true),
            new ApplicationReviewed(applications[0], 4.5m, true),
            new ApplicationReviewed(applications[2], 2.5m, false),
            new CallClosedForSubmissions(Now));
        return (call, applications);
    }

    [Fact]
    public async Task Should_rank_the_call_for_staff_only()
    {
        var (call, apps) = await ReviewedCall();

        var ranking = await _officer.Get($"/calls/{call}/ranking").Json();

        var rows = ranking.GetProperty("applications").EnumerateArray().ToList();
        Assert.Equal(apps, rows.Select(r => r.GetProperty("applicationId").GetGuid()));
        Assert.Equal([true, false, false], rows.Select(r => r.GetProperty("withinEnvelope").GetBoolean()));
        await host.As("reviewer", "rita").Get($"/calls/{call}/ranking").Problem(HttpStatusCode.NotFound, "stream.not_found");
        await host.As("applicant", "ngo", Organisation).Get($"/calls/{call}/ranking").Problem(HttpStatusCode.NotFound, "stream.not_found");
    }

    [Fact]
    public async Task Should_publish_funding_decided_only_once_a_different_approver_confirms()
    {
        var (call, apps) = await ReviewedCall();
        await _officer.Post($"/calls/{call}/proposals", new
        {
            decisions = new object[]
            {
                new { applicationId = apps[0], outcome = "Award", amount = 100_000m },
                new { applicationId = apps[1], outcome = "ReserveList" },
                new { applicationId = apps[2], outcome = "Reject", reasons = Texts("Below the effectiveness threshold") },
            },
        }).Json();
        Assert.Equal(0, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.funding_confirmed'", call));

        await host.As("approver", "olivia").Post($"/calls/{call}/confirmations", new { applicationIds = apps })
            .Problem(HttpStatusCode.UnprocessableEntity, "decision.same_person");
        await _officer.Post($"/calls/{call}/confirmations", new { applicationIds = apps }).Problem(HttpStatusCode.Forbidden, "request.forbidden");
        await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = apps }).Json();

        var map = host.Services.GetRequiredService<IntegrationMap>();
        var decided = await host.Store.ReadStream(call).Select(map.Map).OfType<FundingDecided>().ToListAsync();
        Assert.Equal([FundingOutcome.Award, FundingOutcome.ReserveList, FundingOutcome.Reject], decided.Select(d => d.Outcome));
        Assert.Equal(Money.Eur(100_000), decided[0].Amount);
        Assert.All(decided, d => Assert.Equal(("olivia", "adam", 2), (d.ProposedBy.UserId, d.ApprovedBy.UserId, d.RulesVersion)));
        Assert.Equal(apps, decided.Select(d => d.CorrelationId));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_concurrent_proposals_take_the_envelope()
    {
        var (call, apps) = await ReviewedCall();

        var responses = await Task.WhenAll(
            _officer.Post($"/calls/{call}/proposals", new { decisions = new[] { new { applicationId = apps[0], outcome = "Award", amount = 100_000m } } }),
            host.As("officer", "oscar").Post($"/calls/{call}/proposals",
                new { decisions = new[] { new { applicationId = apps[1], outcome = "Award", amount = 100_000m } } }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity);
        var state = (await host.Store.AggregateStream<CallReview>(call)).State;
        Assert.Equal(100_000, state.ProposedAwards);
    }

    [Fact]
    public async Task Should_never_exceed_the_envelope_when_approvers_confirm_at_once()
    {
        var (call, apps) = await ReviewedCall();
        await _officer.Post($"/calls/{call}/proposals", new
        {
            decisions = new object[]
            {
                new { applicationId = apps[0], outcome = "Award", amount = 100_000m },
                new { applicationId = apps[1], outcome = "Award", amount = 50_000m, reasons = Texts("What the envelope allows") },
            },
        }).Json();

        var responses = await Task.WhenAll(
            _approver.Post($"/calls/{call}/confirmations", new { applicationIds = new[] { apps[0] } }),
            host.As("approver", "anna").Post($"/calls/{call}/confirmations", new { applicationIds = new[] { apps[1] } }));
        foreach (var (response, app) in responses.Zip(apps))
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = new[] { app } }).Json();
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var state = (await host.Store.AggregateStream<CallReview>(call)).State;
        Assert.Equal(150_000, state.Awarded);
        await _officer.Post($"/calls/{call}/proposals", new { decisions = new[] { new { applicationId = apps[2], outcome = "Award", amount = 1m } } })
            .Problem(HttpStatusCode.UnprocessableEntity, "decision.threshold_failed");
    }

    [Fact]
    public async Task Should_hold_a_decision_while_a_complaint_is_open_and_release_money_for_the_reserve()
    {
        var (call, apps) = await ReviewedCall();
        await _officer.Post($"/calls/{call}/proposals", new
        {
            decisions = new object[]
            {
                new { applicationId = apps[0], outcome = "Award", amount = 100_000m },
                new { applicationId = apps[1], outcome = "ReserveList" },
            },
        }).Json();
        var complaint = await _officer.Post($"/calls/{call}/complaints", new { applicationId = apps[0], complaint = "A reviewer consults for the NGO" })
            .Json(HttpStatusCode.Created);

        await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = apps[..2] })
            .Problem(HttpStatusCode.UnprocessableEntity, "decision.blocked_by_complaint");
        await _approver.Post($"/calls/{call}/complaints/{complaint.GetProperty("complaintId").GetGuid()}/resolution", new { resolution = "Reviewer replaced, scores stand" })
            .Json(HttpStatusCode.NoContent);
        await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = apps[..2] }).Json();

        await _officer.Post($"/calls/{call}/releases", new { applicationId = apps[0], reason = "The NGO declined the grant" }).Json();
        await _officer.Post($"/calls/{call}/proposals", new { decisions = new[] { new { applicationId = apps[1], outcome = "Award", amount = 100_000m } } }).Json();
        var ranking = await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = new[] { apps[1] } }).Json();

        Assert.Equal(100_000m, ranking.GetProperty("awarded").GetDecimal());
        Assert.Equal("Released", ranking.GetProperty("applications")[0].GetProperty("decided").GetString());
        Assert.Equal("Award", ranking.GetProperty("applications")[1].GetProperty("decided").GetString());
    }

    [Fact]
    public async Task Should_give_the_money_back_to_the_envelope_when_an_awarded_application_is_withdrawn()
    {
        var (call, apps) = await ReviewedCall();
        await _officer.Post($"/calls/{call}/proposals", new { decisions = new[] { new { applicationId = apps[0], outcome = "Award", amount = 100_000m } } }).Json();
        await _approver.Post($"/calls/{call}/confirmations", new { applicationIds = new[] { apps[0] } }).Json();

        var withdrawn = Messages.Withdrawn(apps[0], call, Organisation);
        await host.Publish(withdrawn);
        await host.Publish(withdrawn);

        var state = await host.Eventually<CallReview>(call, c => c.Awarded == 0);
        Assert.True(state.Decisions[apps[0]].Released);
        var map = host.Services.GetRequiredService<IntegrationMap>();
        var released = Assert.Single(await host.Store.ReadStream(call).Select(map.Map).OfType<AwardReleased>().ToListAsync());
        Assert.Equal((apps[0], Money.Eur(100_000)), (released.ApplicationId, released.Amount));
    }

    [Fact]
    public async Task Should_reject_a_proposal_with_bad_fields_listing_each()
    {
        var (call, _) = await ReviewedCall();

        var problem = await _officer.Post($"/calls/{call}/proposals", new { decisions = new object[] { new { outcome = "Maybe", amount = -5m } } })
            .Problem(HttpStatusCode.BadRequest, "request.invalid");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("decisions[0].applicationId", out _));
        Assert.True(errors.TryGetProperty("decisions[0].outcome", out _));
        Assert.True(errors.TryGetProperty("decisions[0].amount", out _));
    }
}

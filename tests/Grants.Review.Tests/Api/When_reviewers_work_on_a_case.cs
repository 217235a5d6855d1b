using System.Net;
using Grants.Contracts.Reviews;
using Grants.EventSourcing;
using Grants.Hosting.Messaging;
using Grants.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Review.Tests.Api;

[Collection(ReviewApi.Name)]
public sealed class When_reviewers_work_on_a_case(ReviewHost host)
{
    [Fact]
    public async Task Should_show_a_reviewer_only_assigned_cases_and_their_content_only_after_the_declaration()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();
        Assert.Equal(scene.Reviewers.Take(3), await scene.Assigned());

        await scene.Reviewer(3).Get($"/cases/{scene.Application}").Problem(HttpStatusCode.NotFound, "stream.not_found");
        var before = await scene.Reviewer(0).Get($"/cases/{scene.Application}").Json();
        Assert.True(before.GetProperty("declarationRequired").GetBoolean());
        Assert.Equal(scene.Organisation, before.GetProperty("organisationId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("contentHash").ValueKind);
        await scene.Score(0, 4, 4, 4).Problem(HttpStatusCode.UnprocessableEntity, "review.declaration_required");

        var after = await scene.Declare(0);

        Assert.False(after.GetProperty("declarationRequired").GetBoolean());
        Assert.Equal(Sample.Hash, after.GetProperty("contentHash").GetString());
        var mine = await scene.Reviewer(0).Get("/reviewers/me/cases").Json();
        Assert.Equal(scene.Application, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("applicationId").GetGuid());
        Assert.Equal(0, (await scene.Reviewer(3).Get("/reviewers/me/cases").Json()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Should_never_show_reviewer_identities_to_the_applicant_and_nothing_to_another_organisation()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();

        using var own = await host.As("applicant", "ngo-user", scene.Organisation).Get($"/cases/{scene.Application}");
        var text = await own.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("InReview", text, StringComparison.Ordinal);
        Assert.All(scene.Reviewers, r => Assert.DoesNotContain(r, text, StringComparison.Ordinal));
        await host.As("applicant", "other-ngo", Guid.NewGuid()).Get($"/cases/{scene.Application}").Problem(HttpStatusCode.NotFound, "stream.not_found");
        await host.As("applicant", "other-ngo", Guid.NewGuid()).Get($"/calls/{scene.Call}").Problem(HttpStatusCode.NotFound, "stream.not_found");
    }

    [Fact]
    public async Task Should_replace_a_reviewer_who_declares_a_conflict_and_never_assign_them_that_organisation_again()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();

        await scene.Reviewer(1).Put($"/cases/{scene.Application}/declaration", new { conflict = true, reason = "I sit on its board" })
            .Problem(HttpStatusCode.NotFound, "stream.not_found");

        Assert.Equal([scene.Reviewers[0], scene.Reviewers[2], scene.Reviewers[3]], await scene.Assigned());
        await scene.Reviewer(1).Get($"/cases/{scene.Application}").Problem(HttpStatusCode.NotFound, "stream.not_found");

        var second = Guid.NewGuid();
        await host.Publish(Messages.Eligible(second, scene.Call, scene.Organisation));
        await host.Eventually<ReviewCase>(second, c => c.Status == CaseStatus.InReview);
        var assigned = await scene.Officer.Post($"/cases/{second}/assignments", new { }).Json();
        var reviewers = assigned.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("reviewerId").GetString()).ToList();
        Assert.Equal([scene.Reviewers[0], scene.Reviewers[2], scene.Reviewers[3]], reviewers);
    }

    [Fact]
    public async Task Should_assign_a_whole_call_spreading_the_load_over_the_pool()
    {
        var scene = await ReviewScene.Start(host);
        Guid[] more = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var application in more)
        {
            await host.Publish(Messages.Eligible(application, scene.Call, Guid.NewGuid()));
        }

        await host.Eventually<CallReview>(scene.Call, c => c.Cases.Count == 4);
        var result = await scene.Officer.Post($"/calls/{scene.Call}/assignments", new { }).Json();

        Assert.Equal(4, result.GetProperty("assigned").GetArrayLength());
        var load = await host.Count("select count(distinct reviewer_id) from {s}.review_assignments where call_id = $1", scene.Call);
        Assert.Equal(4, load);
        Assert.Equal(3, await host.Count(
            "select max(n) from (select count(*) as n from {s}.review_assignments where call_id = $1 group by reviewer_id) loads", scene.Call));
        var listed = await scene.Officer.Get($"/calls/{scene.Call}/cases").Json();
        Assert.All(listed.GetProperty("items").EnumerateArray(), c => Assert.Equal(3, c.GetProperty("reviewers").GetInt32()));
        Assert.Equal(0, (await scene.Officer.Post($"/calls/{scene.Call}/assignments", new { }).Json()).GetProperty("assigned").GetArrayLength());
    }

    [Fact]
    public async Task Should_reassign_only_with_a_reason()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();

        var invalid = await scene.Officer.Post($"/cases/{scene.Application}/reassignments", new { from = scene.Reviewers[0], to = scene.Reviewers[3] })
            .Problem(HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("reason", out _));

        await scene.Officer.Post($"/cases/{scene.Application}/reassignments", new { from = scene.Reviewers[0], to = scene.Reviewers[3], reason = "Language" })
            .Json();
        Assert.Equal(scene.Reviewers.Skip(1), await scene.Assigned());
    }

    [Fact]
    public async Task Should_complete_from_three_sheets_and_publish_the_consensus_without_reviewer_identities()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();
        for (var r = 0; r < 3; r++)
        {
            await scene.Declare(r);
        }

        await scene.Score(0, 4, 4, 3).Json();
        await scene.Score(1, 5, 4, 3).Json();
        var last = await scene.Score(2, 4, 3, 3).Json();

        Assert.Equal("Completed", last.GetProperty("status").GetString());
        var call = await host.Eventually<CallReview>(scene.Call, c => c.Cases[scene.Application].Progress == CaseProgress.Reviewed, 1);
        Assert.True(call.Cases[scene.Application].Passed);
        var completed = await host.Store.ReadStream(scene.Application).SingleAsync(e => e.Data is ReviewCaseCompleted);
        var message = Assert.IsType<ReviewCompleted>(host.Services.GetRequiredService<IntegrationMap>().Map(completed));
        Assert.Equal((scene.Application, scene.Call, Sample.Hash), (message.ApplicationId, message.CallId, message.ContentHash));
        Assert.Equal([4.33m, 3.67m, 3m], message.ConsensusScores.Select(s => s.Score));
        Assert.All(scene.Reviewers, r => Assert.DoesNotContain(message.CommentsForApplicant, c => c.Contains(r, StringComparison.Ordinal)));
        await scene.Score(0, 1, 1, 1).Problem(HttpStatusCode.UnprocessableEntity, "review.case_completed");
    }

    [Fact]
    public async Task Should_list_a_case_whose_reviewers_diverge_among_those_awaiting_a_consensus()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();
        for (var r = 0; r < 3; r++)
        {
            await scene.Declare(r);
        }

        await scene.Score(0, 5, 4, 3).Json();
        await scene.Score(1, 2, 4, 3).Json();
        Assert.Equal("AwaitingConsensus", (await scene.Score(2, 4, 4, 3).Json()).GetProperty("status").GetString());

        var waiting = await scene.Officer.Get($"/calls/{scene.Call}/cases?status=AwaitingConsensus").Json();
        Assert.Equal([scene.Application], waiting.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("applicationId").GetGuid()));
        Assert.Equal(1, waiting.GetProperty("total").GetInt64());
        Assert.Equal(0, (await scene.Officer.Get($"/calls/{scene.Call}/cases?status=InReview").Json()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Should_reject_a_malformed_sheet_listing_every_field_and_change_nothing()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();
        await scene.Declare(0);

        var problem = await scene.Reviewer(0).Put($"/cases/{scene.Application}/sheet", new
        {
            marks = new object[] { new { criterion = "relevance", score = 7, comment = "x" }, new { criterion = "budget", score = 3, comment = "" } },
        }).Problem(HttpStatusCode.BadRequest, "request.invalid");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("contentHash", out _));
        Assert.True(errors.TryGetProperty("marks[0].score", out _));
        Assert.True(errors.TryGetProperty("marks[1].comment", out _));
        Assert.Equal(0, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.score_sheet_submitted'", scene.Application));
    }

    [Fact]
    public async Task Should_schedule_the_due_date_and_let_an_officer_replace_an_overdue_reviewer()
    {
        var scene = await ReviewScene.Start(host);
        await scene.Assign();
        var key = $"review-overdue-{scene.Application:N}-%";
        Assert.Equal(3, await host.Count("select count(*) from {s}.qrtz_triggers where trigger_name like $1", key));

        var due = (await host.Store.AggregateStream<ReviewCase>(scene.Application)).State.Assignments[scene.Reviewers[0]].DueAt;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<IScheduledCommandHandler<ReviewDeadlinePassed>>();
            var firing = new ScheduledFiring(key, due, due.AddMinutes(1));
            await handler.Handle(new ReviewDeadlinePassed(scene.Application, scene.Reviewers[0], due), firing, CancellationToken.None);
            await handler.Handle(new ReviewDeadlinePassed(scene.Application, scene.Reviewers[0], due), firing, CancellationToken.None);
        }

        Assert.Equal(1, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.overdue'", scene.Application));
        await scene.Officer.Post($"/cases/{scene.Application}/overdue-replacements", new { }).Json();
        Assert.Equal(scene.Reviewers.Skip(1), await scene.Assigned());
        Assert.Equal(0, await host.Count("select count(*) from {s}.qrtz_triggers where trigger_name = $1",
            ReviewDueDates.OverdueKey(scene.Application, scene.Reviewers[0])));
    }
}

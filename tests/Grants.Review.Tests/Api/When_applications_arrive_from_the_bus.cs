using static Grants.Review.Tests.Api.Messages;

namespace Grants.Review.Tests.Api;

[Collection(ReviewApi.Name)]
public sealed class When_applications_arrive_from_the_bus(ReviewHost host)
{
    [Fact]
    public async Task Should_open_one_case_for_an_eligible_application_even_when_told_twice()
    {
        var (call, application, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.Publish(CallOpened(call));
        await host.Eventually<CallReview>(call, c => c.Phase == CallPhase.Open);

        var decided = Eligible(application, call, organisation);
        var decidedAgain = decided with { MessageId = Guid.NewGuid() };
        await host.Publish(decided);
        await host.Publish(decided);
        await host.Publish(decidedAgain);

        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.InReview);
        var handled = await PollCount("select count(*) from {s}.inbox where consumer = 'review-eligibility-decided' and message_id = any($1)", 2,
            new[] { decided.MessageId, decidedAgain.MessageId });
        Assert.Equal(2, handled);
        Assert.Equal(1, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.case_opened'", application));
        Assert.Equal(1, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.application_entered'", call));
        Assert.Equal(1, await host.Count("select count(*) from {s}.review_cases where application_id = $1", application));
    }

    [Fact]
    public async Task Should_enter_every_application_of_a_flood_of_eligibility_decisions_into_its_call()
    {
        var call = Guid.NewGuid();
        await host.Publish(CallOpened(call));
        await host.Eventually<CallReview>(call, c => c.Phase == CallPhase.Open);
        var applications = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(applications.Select(a => host.Publish(Eligible(a, call, Guid.NewGuid()))));

        var state = await host.Eventually<CallReview>(call, c => c.Cases.Count == applications.Count, seconds: 90);
        Assert.All(applications, a => Assert.True(state.Cases.ContainsKey(a)));
        Assert.Equal(applications.Count, await host.Count("select count(*) from {s}.inbox where consumer = 'review-eligibility-decided'"
            + " and message_id in (select causation_id from {s}.events where stream_id = $1 and type = 'review.application_entered')", call));
    }

    [Fact]
    public async Task Should_ignore_an_ineligible_application()
    {
        var (call, eligible, ineligible, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.Publish(CallOpened(call));
        await host.Publish(Eligible(ineligible, call, organisation, eligible: false));
        await host.Publish(Eligible(eligible, call, organisation));

        var state = await host.Eventually<CallReview>(call, c => c.Cases.ContainsKey(eligible));

        Assert.False(state.Cases.ContainsKey(ineligible));
        Assert.Equal(0, await host.Count("select count(*) from {s}.events where stream_id = $1", ineligible));
    }

    [Fact]
    public async Task Should_wait_for_the_call_when_an_application_overtakes_its_opening()
    {
        var (call, application, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await host.Publish(Eligible(application, call, organisation));
        await Task.Delay(300);
        await host.Publish(CallOpened(call));

        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.InReview);
    }

    [Fact]
    public async Task Should_cancel_the_case_of_a_withdrawn_application()
    {
        var (call, application, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.Publish(CallOpened(call));
        await host.Eventually<CallReview>(call, c => c.Phase == CallPhase.Open);
        await host.Publish(Eligible(application, call, organisation));
        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.InReview);

        await host.Publish(Withdrawn(application, call, organisation));

        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.Cancelled);
        await host.Eventually<CallReview>(call, c => c.Cases[application].Progress == CaseProgress.Cancelled);
        await host.As("officer", "olivia").Post($"/cases/{application}/assignments", new { })
            .Problem(System.Net.HttpStatusCode.UnprocessableEntity, "review.case_cancelled");
    }

    [Fact]
    public async Task Should_open_no_case_when_the_withdrawal_overtakes_the_eligibility_decision()
    {
        var (call, application, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.Publish(CallOpened(call));
        await host.Eventually<CallReview>(call, c => c.Phase == CallPhase.Open);
        await host.Publish(Withdrawn(application, call, organisation));
        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.Cancelled);

        var late = Eligible(application, call, organisation);
        await host.Publish(late);

        Assert.Equal(1, await PollCount("select count(*) from {s}.inbox where message_id = $1", 1, late.MessageId));
        Assert.False((await host.Store.AggregateStream<CallReview>(call)).State.Cases.ContainsKey(application));
        Assert.Equal(0, await host.Count("select count(*) from {s}.events where stream_id = $1 and type = 'review.case_opened'", application));
        await host.As("officer", "olivia").Get($"/cases/{application}").Problem(System.Net.HttpStatusCode.NotFound, "stream.not_found");
    }

    private async Task<long> PollCount(string sql, long atLeast, object parameter)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long count;
        while ((count = await host.Count(sql, parameter)) < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return count;
    }
}

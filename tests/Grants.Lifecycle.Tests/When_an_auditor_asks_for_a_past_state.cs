namespace Grants.Lifecycle.Tests;

/// <summary>Each service folds its streams as of an instant for /audit/state: an application, a call, a grant.</summary>
[Collection(SharedRun.Name)]
public sealed class When_an_auditor_asks_for_a_past_state(LifecycleRun run)
{
    [Fact]
    public async Task Should_give_an_application_as_it_was_when_submitted()
    {
        var application = run.Scenario.Applications.First(a => a.Twist == Twist.None);
        var submitted = await Recorded(run.Applications.Schema, application.Id, "application.submitted");

        var then = await State(run.Api.Applications, application.Id, submitted);
        var now = await State(run.Api.Applications, application.Id, DateTimeOffset.UtcNow);

        Assert.Equal("application", then["streamType"].GetString());
        Assert.Equal("Submitted", then["state"].GetProperty("status").GetString());
        Assert.Equal("Closed", now["state"].GetProperty("status").GetString());
        Assert.True(then["version"].GetInt64() < now["version"].GetInt64());
    }

    [Fact]
    public async Task Should_give_a_call_as_it_was_before_its_deadline_in_applications_and_review()
    {
        var before = run.Started.AddSeconds(20);

        var applications = await State(run.Api.Applications, run.Result.CallId, before);
        var review = await State(run.Api.Review, run.Result.CallId, before);
        var reviewNow = await State(run.Api.Review, run.Result.CallId, DateTimeOffset.UtcNow);

        Assert.Equal("call", applications["streamType"].GetString());
        Assert.Equal("Open", applications["state"].GetProperty("status").GetString());
        Assert.Equal("review-call", review["streamType"].GetString());
        Assert.Equal("Open", review["state"].GetProperty("phase").GetString());
        Assert.NotEqual("Open", reviewNow["state"].GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Should_give_a_grant_before_and_after_its_closure()
    {
        var recovery = run.Scenario.Applications.Single(a => a.Twist == Twist.Recovery);
        var opened = await Recorded(run.Payments.Schema, recovery.GrantId, "payments.grant_opened");

        var then = await State(run.Api.Payments, recovery.GrantId, opened);
        var now = await State(run.Api.Payments, recovery.GrantId, DateTimeOffset.UtcNow);

        Assert.Equal("grant", then["streamType"].GetString());
        Assert.NotEqual("Closed", then["state"].GetProperty("status").GetString());
        Assert.Equal("Closed", now["state"].GetProperty("status").GetString());
    }

    /// <summary>When the store recorded the event: a command's own time is a little earlier than its commit.</summary>
    private static async Task<DateTimeOffset> Recorded(Grants.Testing.TestSchema schema, Guid streamId, string type) =>
        new(await schema.Scalar<DateTime>("select timestamp from {s}.events where stream_id = $1 and type = $2", streamId, type), TimeSpan.Zero);

    private static async Task<Reply> State(ServiceApi service, Guid id, DateTimeOffset asOf) =>
        (await service.Get(Caller.Auditor, $"/audit/state/{id}?asOf={Uri.EscapeDataString(asOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}", default))
        .EnsureOk();
}

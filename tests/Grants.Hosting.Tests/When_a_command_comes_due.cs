using Grants.Testing;

namespace Grants.Hosting.Tests;

public sealed class When_a_command_comes_due
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Should_be_sent_exactly_once_by_a_cluster_of_two()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();
        await using var a = await SchedulerNode.Start(schema, firings, "a");
        await using var b = await SchedulerNode.Start(schema, firings, "b");
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        // Several at one instant, so both nodes have something to race for.
        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? a : b).Commands.Schedule($"ping-{i}", new Ping($"ping {i}"), at, CancellationToken.None);
        }

        Assert.All(await firings.Await(6, Patience), f => Assert.Equal(at, f.ScheduledFor));
        // Long enough for the other node's next look for due triggers.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"ping-{i}"),
            firings.All.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(firings.All, f => Assert.Equal(f.Key.Replace('-', ' '), f.Command.Note));
    }

    [Fact]
    public async Task Should_still_be_sent_after_the_scheduler_restarts()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();
        var before = await SchedulerNode.Start(schema, firings, "before");
        await before.Commands.Schedule("close-call", new Ping("close"), DateTimeOffset.UtcNow.AddSeconds(2), CancellationToken.None);
        await before.DisposeAsync();

        await using var after = await SchedulerNode.Start(schema, firings, "after");

        var fired = Assert.Single(await firings.Await(1, Patience));
        Assert.Equal(("after", "close-call", new Ping("close")), (fired.Node, fired.Key, fired.Command));
    }

    [Fact]
    public async Task Should_be_sent_when_the_clock_reaches_a_deadline_weeks_away()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();
        var clock = new ShiftedClock();
        await using var node = await SchedulerNode.Start(schema, firings, "a", clock);
        var deadline = clock.GetUtcNow().AddDays(30);
        await node.Commands.Schedule("report-overdue", new Ping("overdue"), deadline, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(30));

        var fired = Assert.Single(await firings.Await(1, Patience));
        Assert.Equal("report-overdue", fired.Key);
        Assert.Equal(deadline, fired.ScheduledFor);
    }

    [Fact]
    public async Task Should_be_sent_again_after_a_failure()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();
        await using var node = await SchedulerNode.Start(schema, firings, "a");
        var at = DateTimeOffset.UtcNow;

        await node.Commands.Schedule("screen-payee", new Ping(RecordPing.FailsOnce), at, CancellationToken.None);

        var fired = await firings.Await(2, Patience);
        Assert.Equal(2, fired.Count);
        Assert.All(fired, f => Assert.Equal(("screen-payee", at), (f.Key, f.ScheduledFor)));
    }

    [Fact]
    public async Task Should_be_sent_at_once_when_its_instant_had_passed_already_not_at_the_next_misfire_scan()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();
        await using var node = await SchedulerNode.Start(schema, firings, "a");
        var overdueSince = DateTimeOffset.UtcNow.AddHours(-13);

        await node.Commands.Schedule("report-overdue", new Ping("overdue"), overdueSince, CancellationToken.None);

        // Quartz's misfire scan runs once a minute; fired within the patience, it did not wait for it.
        var fired = Assert.Single(await firings.Await(1, Patience));
        Assert.Equal(("report-overdue", overdueSince), (fired.Key, fired.ScheduledFor));
    }
}

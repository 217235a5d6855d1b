using Grants.EventSourcing;
using Grants.Hosting.Scheduling;
using Grants.Testing;
using Quartz;

namespace Grants.Hosting.Tests;

public sealed record DeadlineSet(DateTimeOffset At);

public sealed record DeadlineLifted;

public sealed class When_a_schedule_follows_events
{
    private static readonly DateTimeOffset Deadline = new(2040, 6, 30, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_store_the_trigger_if_and_only_if_the_event_commits()
    {
        await using var schema = await TestPostgres.NewSchema();
        await using var node = await SchedulerNode.Start(schema, new Firings(), "a");
        var deadlines = Deadlines(node);
        var store = new EventStore(schema.DataSource, Options(schema, deadlines));
        var failing = new EventStore(schema.DataSource, Options(schema, deadlines, new FailAfterward()));
        await store.EnsureSchema(CancellationToken.None);
        var call = Guid.NewGuid();

        await Append(store, call, 0, new DeadlineSet(Deadline));
        Assert.Equal(Deadline, await DueAt(node, call));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Append(failing, call, 1, new DeadlineSet(Deadline.AddDays(7))));
        Assert.Equal(Deadline, await DueAt(node, call));

        await Append(store, call, 1, new DeadlineLifted());
        Assert.Null(await DueAt(node, call));
    }

    [Fact]
    public async Task Should_store_the_trigger_with_the_checkpoint_when_run_from_a_subscription()
    {
        await using var schema = await TestPostgres.NewSchema();
        await using var node = await SchedulerNode.Start(schema, new Firings(), "a");
        var store = new EventStore(schema.DataSource, Options(schema));
        await store.EnsureSchema(CancellationToken.None);
        var subscription = new Subscription(store, Deadlines(node));
        var call = Guid.NewGuid();

        await Append(store, call, 0, new DeadlineSet(Deadline));
        // The log horizon is cluster-wide: another test's open transaction can hold the event back a moment.
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (await subscription.CatchUp(CancellationToken.None) == 0 && DateTime.UtcNow < limit)
        {
            await Task.Delay(50);
        }

        Assert.Equal(Deadline, await DueAt(node, call));
        Assert.Equal(0, await subscription.CatchUp(CancellationToken.None));
    }

    private static ScheduleFromEvents Deadlines(SchedulerNode node) =>
        new("deadlines", node.Commands, e => e.Data switch
        {
            DeadlineSet set => [new ScheduleChange.Send($"deadline-{e.StreamId}", new Ping("close"), set.At)],
            DeadlineLifted => [new ScheduleChange.Cancel($"deadline-{e.StreamId}")],
            _ => [],
        });

    private static EventStoreOptions Options(TestSchema schema, params IProjection[] inline)
    {
        var options = new EventStoreOptions { Schema = schema.Name };
        options.Types.Register<DeadlineSet>("test.deadline_set").Register<DeadlineLifted>("test.deadline_lifted");
        foreach (var projection in inline)
        {
            options.InlineProjections.Add(projection);
        }

        return options;
    }

    private static async Task Append(EventStore store, Guid stream, long expectedVersion, object @event)
    {
        var session = store.OpenSession(new EventMetadata(Source: "test"));
        if (expectedVersion == 0)
        {
            session.StartStream(stream, "call", @event);
        }
        else
        {
            session.Append(stream, expectedVersion, @event);
        }

        await session.SaveChanges(CancellationToken.None);
    }

    private static async Task<DateTimeOffset?> DueAt(SchedulerNode node, Guid call)
    {
        var trigger = await (await node.Quartz()).GetTrigger(new TriggerKey($"deadline-{call}", "commands"));
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>Fails the append after the schedule was written in its transaction.</summary>
    private sealed class FailAfterward : IProjection
    {
        public string Name => "fail";

        public Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct) =>
            throw new InvalidOperationException("the append fails after the deadline was scheduled");

        public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}

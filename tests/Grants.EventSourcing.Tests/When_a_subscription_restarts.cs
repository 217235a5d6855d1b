namespace Grants.EventSourcing.Tests;

public sealed class When_a_subscription_restarts
{
    [Fact]
    public async Task Should_apply_every_event_exactly_once_after_a_crash_mid_batch()
    {
        await using var scope = await StoreScope.Create();
        await EffectsProjection.CreateTable(scope);
        await AppendStreams(scope, streams: 30, eventsEach: 4);
        // Once visible, events stay visible: wait for them so the batch sizes below are exact.
        await scope.ReadLogUntil(LogPosition.Start, 120);

        var crashing = new EffectsProjection { CrashAtEvent = 55 };
        var first = new Subscription(scope.Store, crashing, batchSize: 20);
        Assert.Equal(20, await first.RunOnce(CancellationToken.None));
        Assert.Equal(20, await first.RunOnce(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.RunOnce(CancellationToken.None));
        Assert.Equal(40, await Effects(scope));

        var restarted = new Subscription(scope.Store, new EffectsProjection(), batchSize: 20);
        await CatchUpTo(scope, restarted, 120);

        Assert.Equal(120, await Effects(scope));
        Assert.Equal(120, await scope.Scalar<long>("select count(distinct event_id) from {s}.effects"));
        Assert.Equal((await scope.ReadLogUntil(LogPosition.Start, 120))[^1].Position, await restarted.Position(CancellationToken.None));
    }

    [Fact]
    public async Task Should_apply_every_event_once_when_two_instances_compete()
    {
        await using var scope = await StoreScope.Create();
        await EffectsProjection.CreateTable(scope);
        await AppendStreams(scope, streams: 50, eventsEach: 3);

        var one = new Subscription(scope.Store, new EffectsProjection(), batchSize: 7);
        var two = new Subscription(scope.Store, new EffectsProjection(), batchSize: 7);
        await Task.WhenAll(CatchUpTo(scope, one, 150), CatchUpTo(scope, two, 150));

        Assert.Equal(150, await Effects(scope));
        Assert.Equal(150, await scope.Scalar<long>("select count(distinct event_id) from {s}.effects"));
    }

    [Fact]
    public async Task Should_rebuild_from_the_start_of_the_log()
    {
        await using var scope = await StoreScope.Create();
        await EffectsProjection.CreateTable(scope);
        await AppendStreams(scope, streams: 10, eventsEach: 5);
        var subscription = new Subscription(scope.Store, new EffectsProjection(), batchSize: 100);
        await CatchUpTo(scope, subscription, 50);
        await scope.Execute("update {s}.effects set stream_id = gen_random_uuid()");

        await subscription.Rebuild(CancellationToken.None);

        Assert.Equal(50, await Effects(scope));
        Assert.Equal(10, await scope.Scalar<long>("select count(distinct stream_id) from {s}.effects"));
    }

    private static async Task AppendStreams(StoreScope scope, int streams, int eventsEach)
    {
        for (var s = 0; s < streams; s++)
        {
            await scope.Append(Guid.NewGuid(), 0, Enumerable.Range(1, eventsEach).Select(i => (object)new Incremented(i)).ToArray());
        }
    }

    private static async Task CatchUpTo(StoreScope scope, Subscription subscription, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Effects(scope) < expected && DateTime.UtcNow < deadline)
        {
            if (await subscription.RunOnce(CancellationToken.None) == 0)
            {
                await Task.Delay(20);
            }
        }
    }

    private static Task<long> Effects(StoreScope scope) => scope.Scalar<long>("select count(*) from {s}.effects");

    /// <summary>Writes one row per event; no unique key, so a second application would show as a duplicate.</summary>
    private sealed class EffectsProjection : IProjection
    {
        private int _seen;

        public int CrashAtEvent { get; init; } = int.MaxValue;

        public string Name => "effects";

        public static Task<int> CreateTable(StoreScope scope) =>
            scope.Execute("create table {s}.effects (event_id uuid not null, stream_id uuid not null, version bigint not null)");

        public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
        {
            foreach (var e in events)
            {
                if (++_seen == CrashAtEvent)
                {
                    throw new InvalidOperationException("the process died here");
                }

                await using var insert = context.Command($"insert into {context.Schema}.effects values ($1, $2, $3)");
                insert.Parameters.Add(new() { Value = e.Id });
                insert.Parameters.Add(new() { Value = e.StreamId });
                insert.Parameters.Add(new() { Value = e.Version });
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        public async Task Reset(ProjectionContext context, CancellationToken ct)
        {
            await using var truncate = context.Command($"truncate {context.Schema}.effects");
            await truncate.ExecuteNonQueryAsync(ct);
        }
    }
}

namespace Grants.EventSourcing.Tests;

public sealed class When_a_subscription_reads_only_some_types
{
    [Fact]
    public async Task Should_see_only_those_and_move_its_checkpoint_past_the_others()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1), new Renamed("a"), new Renamed("b"), new Incremented(2), new Renamed("c"));
        var log = await scope.ReadLogUntil(LogPosition.Start, 5);
        var renames = new RecordingProjection(new HashSet<string>(["counter.renamed"]));
        var subscription = new Subscription(scope.Store, renames, batchSize: 2);

        await subscription.CatchUp(CancellationToken.None);

        Assert.Equal(["a", "b", "c"], renames.Seen.Select(e => ((Renamed)e.Data).Name));
        Assert.Equal(log[^1].Position, await subscription.Position(CancellationToken.None));
    }

    [Fact]
    public async Task Should_move_past_a_batch_with_none_of_its_types()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1), new Incremented(2), new Incremented(3));
        var log = await scope.ReadLogUntil(LogPosition.Start, 3);
        var renames = new RecordingProjection(new HashSet<string>(["counter.renamed"]));
        var subscription = new Subscription(scope.Store, renames, batchSize: 10);

        Assert.Equal(1, await subscription.RunOnce(CancellationToken.None));
        Assert.Equal(0, await subscription.RunOnce(CancellationToken.None));

        Assert.Empty(renames.Seen);
        Assert.Equal(log[^1].Position, await subscription.Position(CancellationToken.None));
    }

    private sealed class RecordingProjection(IReadOnlySet<string> types) : IProjection
    {
        public List<StoredEvent> Seen { get; } = [];

        public string Name => "renames";

        public IReadOnlySet<string>? EventTypes => types;

        public Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
        {
            Seen.AddRange(events);
            return Task.CompletedTask;
        }

        public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}

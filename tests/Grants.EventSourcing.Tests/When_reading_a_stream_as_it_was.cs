namespace Grants.EventSourcing.Tests;

public sealed class When_reading_a_stream_as_it_was
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_fold_only_the_events_up_to_the_instant_or_version()
    {
        var clock = new ManualClock(Monday);
        await using var scope = await StoreScope.Create(clock);
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(10), new Renamed("monday"));
        clock.Advance(TimeSpan.FromDays(1));
        await scope.Append(id, 2, new Incremented(5));
        clock.Advance(TimeSpan.FromDays(1));
        await scope.Append(id, 3, new Renamed("wednesday"), new Incremented(1));

        var before = await scope.Store.AggregateStream<Counter>(id, asOf: Monday.AddHours(-1));
        var monday = await scope.Store.AggregateStream<Counter>(id, asOf: Monday.AddHours(12));
        var tuesday = await scope.Store.AggregateStream<Counter>(id, asOf: Monday.AddDays(1));
        var third = await scope.Store.AggregateStream<Counter>(id, toVersion: 3);
        var now = await scope.Store.AggregateStream<Counter>(id);

        Assert.Equal((Counter.Initial, 0L), (before.State, before.Version));
        Assert.Equal((new Counter(10, "monday", 2), 2L), (monday.State, monday.Version));
        Assert.Equal((new Counter(15, "monday", 3), 3L), (tuesday.State, tuesday.Version));
        Assert.Equal(tuesday.State, third.State);
        Assert.Equal((new Counter(16, "wednesday", 5), 5L), (now.State, now.Version));
    }

    [Fact]
    public async Task Should_keep_the_metadata_of_who_acted()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        var correlation = Guid.NewGuid();
        var cause = Guid.NewGuid();
        var session = scope.Store.OpenSession(new EventMetadata(correlation, cause, "u-17", "officer", "org-3", "consumer"));
        session.StartStream(id, "counter", new Incremented(1));
        await session.SaveChanges(CancellationToken.None);

        var stored = new List<StoredEvent>();
        await foreach (var e in scope.Store.ReadStream(id))
        {
            stored.Add(e);
        }

        var only = Assert.Single(stored);
        Assert.Equal(new EventMetadata(correlation, cause, "u-17", "officer", "org-3", "consumer"), only.Metadata);
        Assert.Equal(new Incremented(1), only.Data);
        Assert.Equal("counter.incremented", only.Type);
    }
}

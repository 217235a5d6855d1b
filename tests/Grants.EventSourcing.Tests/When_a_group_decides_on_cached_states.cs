namespace Grants.EventSourcing.Tests;

public sealed class When_a_group_decides_on_cached_states
{
    [Fact]
    public async Task Should_continue_from_what_the_previous_group_committed()
    {
        await using var scope = await StoreScope.Create();
        var cache = new StateCache();
        var id = Guid.NewGuid();
        await Increment(scope.Store.OpenGroup(cache), id, times: 2);

        var next = scope.Store.OpenGroup(cache).OpenSession(new EventMetadata());
        var counter = await next.FetchForWriting<Counter>(id, CancellationToken.None);

        Assert.Equal(2, counter.Version);
        Assert.Equal(2, counter.State.Total);
    }

    [Fact]
    public async Task Should_refuse_an_append_when_the_stream_moved_on_behind_the_cache_and_read_afresh_after_discarding()
    {
        await using var scope = await StoreScope.Create();
        var cache = new StateCache();
        var id = Guid.NewGuid();
        await Increment(scope.Store.OpenGroup(cache), id, times: 1);
        await AppendBehindTheCache(scope, id, fromVersion: 1);

        var stale = scope.Store.OpenGroup(cache);
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => Increment(stale, id, times: 1));

        Assert.Equal((1L, 2L), (error.ExpectedVersion, error.ActualVersion));
        var retry = scope.Store.OpenGroup(cache);
        await Increment(retry, id, times: 1);
        Assert.Equal(3, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    [Fact]
    public async Task Should_refuse_a_decision_to_append_nothing_when_the_state_it_saw_is_out_of_date()
    {
        await using var scope = await StoreScope.Create();
        var cache = new StateCache();
        var id = Guid.NewGuid();
        await Increment(scope.Store.OpenGroup(cache), id, times: 1);
        await AppendBehindTheCache(scope, id, fromVersion: 1);
        var handled = Guid.NewGuid();

        var group = scope.Store.OpenGroup(cache);
        var session = group.OpenSession(new EventMetadata());
        session.MarkProcessed(handled, "counter-consumer");
        Assert.Equal(1, (await session.FetchForWriting<Counter>(id, CancellationToken.None)).Version);
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => group.SaveChanges(CancellationToken.None));

        Assert.Equal((id, 1L, 2L), (error.StreamId, error.ExpectedVersion, error.ActualVersion));
        Assert.False(await scope.Store.HasProcessed(handled, "counter-consumer", CancellationToken.None));
        var fresh = scope.Store.OpenGroup(cache).OpenSession(new EventMetadata());
        Assert.Equal(2, (await fresh.FetchForWriting<Counter>(id, CancellationToken.None)).Version);
    }

    private static async Task Increment(SessionGroup group, Guid id, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var session = group.OpenSession(new EventMetadata());
            session.MarkProcessed(Guid.NewGuid(), "counter-consumer");
            var counter = await session.FetchForWriting<Counter>(id, CancellationToken.None);
            if (counter.Version == 0)
            {
                session.StartStream(id, "counter", new Incremented(1));
            }
            else
            {
                session.Append(id, counter.Version, new Incremented(1));
            }
        }

        await group.SaveChanges(CancellationToken.None);
    }

    private static async Task AppendBehindTheCache(StoreScope scope, Guid id, long fromVersion)
    {
        var other = scope.Store.OpenSession(new EventMetadata());
        other.Append(id, fromVersion, new Incremented(1));
        await other.SaveChanges(CancellationToken.None);
    }
}

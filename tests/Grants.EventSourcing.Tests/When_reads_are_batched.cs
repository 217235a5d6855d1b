using Npgsql;

namespace Grants.EventSourcing.Tests;

public sealed class When_reads_are_batched
{
    [Fact]
    public async Task Should_fold_each_stream_and_answer_each_query_as_if_read_alone()
    {
        await using var scope = await StoreScope.Create();
        var (first, second, missing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await scope.Append(first, 0, new Incremented(2), new Renamed("first"));
        await scope.Append(second, 0, new Incremented(5));
        await scope.Append(second, 1, new Incremented(1));

        var batch = scope.Store.CreateBatchQuery();
        var one = batch.AggregateStream<Counter>(first);
        var streams = batch.Query(new NpgsqlBatchCommand($"select count(*) from {scope.Schema}.streams"), async (reader, ct) =>
        {
            await reader.ReadAsync(ct);
            return reader.GetInt64(0);
        });
        var two = batch.AggregateStream<Counter>(second);
        var none = batch.AggregateStream<Counter>(missing);
        await batch.Execute(CancellationToken.None);

        Assert.Equal((new Counter(2, "first", 2), 2L), ((await one).State, (await one).Version));
        Assert.Equal((new Counter(6, "", 2), 2L), ((await two).State, (await two).Version));
        Assert.Equal((Counter.Initial, 0L), ((await none).State, (await none).Version));
        Assert.Equal(2L, await streams);
        Assert.Equal(await scope.Store.AggregateStream<Counter>(second), await two);
    }

    [Fact]
    public async Task Should_read_only_the_events_after_a_snapshot()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1), new Incremented(1));
        await scope.Append(id, 2, new Incremented(10));
        // A snapshot at version 2 that the events before it could not have produced: only later events may be folded onto it.
        var snapshot = new StreamState<Counter>(id, new Counter(100, "snapshot", 2), 2);

        var batch = scope.Store.CreateBatchQuery();
        var caughtUp = batch.AggregateStream(id, snapshot);
        var current = batch.AggregateStream(id, new StreamState<Counter>(id, new Counter(110, "snapshot", 3), 3));
        await batch.Execute(CancellationToken.None);

        Assert.Equal(new StreamState<Counter>(id, new Counter(110, "snapshot", 3), 3), await caughtUp);
        Assert.Equal(new StreamState<Counter>(id, new Counter(110, "snapshot", 3), 3), await current);
    }

    [Fact]
    public async Task Should_throw_from_execute_and_from_every_read_not_yet_answered()
    {
        await using var scope = await StoreScope.Create();
        var batch = scope.Store.CreateBatchQuery();
        var failing = batch.Query(new NpgsqlBatchCommand($"select * from {scope.Schema}.no_such_table"), (_, _) => Task.FromResult(0));
        var after = batch.AggregateStream<Counter>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<PostgresException>(() => batch.Execute(CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
        Assert.Same(error, await Assert.ThrowsAsync<PostgresException>(() => failing));
        Assert.Same(error, await Assert.ThrowsAsync<PostgresException>(() => after));
    }
}

namespace Grants.EventSourcing.Tests;

public sealed class When_writers_race_on_one_stream
{
    private const int Writers = 16;

    [Fact]
    public async Task Should_let_exactly_one_writer_win_each_version()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, Writers).Select(w => Task.Run<Outcome>(async () =>
        {
            var session = scope.Store.OpenSession(new EventMetadata(UserId: $"writer-{w}"));
            session.Append(id, 1, new Incremented(1, $"writer-{w}"));
            await start.Task;
            try
            {
                var stored = await session.SaveChanges(CancellationToken.None);
                return new Outcome(true, stored[0].Version, null);
            }
            catch (ConcurrencyException error)
            {
                return new Outcome(false, 0, error);
            }
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(racing);

        Assert.Single(outcomes, o => o.Won);
        Assert.Equal(2, outcomes.Single(o => o.Won).Version);
        Assert.All(outcomes.Where(o => !o.Won), o =>
        {
            Assert.Equal(1, o.Error!.ExpectedVersion);
            Assert.Equal(2, o.Error.ActualVersion);
        });
        await AssertNoGaps(scope, id, expectedEvents: 2);
    }

    [Fact]
    public async Task Should_keep_versions_and_sequence_without_gaps_when_losers_retry()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(0));
        const int perWriter = 10;

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var won = new List<long>();
            var conflicts = 0;
            while (won.Count < perWriter)
            {
                var current = await scope.Store.OpenSession(new()).FetchForWriting<Counter>(id, CancellationToken.None);
                var session = scope.Store.OpenSession(new EventMetadata(UserId: $"writer-{w}"));
                session.Append(id, current.Version, new Incremented(1));
                try
                {
                    won.Add((await session.SaveChanges(CancellationToken.None))[0].Version);
                }
                catch (ConcurrencyException)
                {
                    conflicts++;
                }
            }

            return (won, conflicts);
        })));

        var versions = results.SelectMany(r => r.won).ToList();
        Assert.Equal(Writers * perWriter, versions.Distinct().Count());
        Assert.Equal(Enumerable.Range(2, Writers * perWriter).Select(v => (long)v), versions.Order());
        var state = await scope.Store.AggregateStream<Counter>(id);
        Assert.Equal(Writers * perWriter, state.State.Total);
        await AssertNoGaps(scope, id, expectedEvents: 1 + (Writers * perWriter));
    }

    private sealed record Outcome(bool Won, long Version, ConcurrencyException? Error);

    private static async Task AssertNoGaps(StoreScope scope, Guid id, long expectedEvents)
    {
        var (count, minSeq, maxSeq, maxVersion) = await scope.QueryRow(
            "select count(*), min(seq_id), max(seq_id), max(version) from {s}.events where stream_id = $1",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), id);
        Assert.Equal(expectedEvents, count);
        Assert.Equal(expectedEvents, maxVersion);
        Assert.Equal(count, maxSeq - minSeq + 1);
        Assert.Equal(expectedEvents, await scope.Scalar<long>("select version from {s}.streams where id = $1", id));
    }
}

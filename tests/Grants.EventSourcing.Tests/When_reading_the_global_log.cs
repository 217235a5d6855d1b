using Npgsql;

namespace Grants.EventSourcing.Tests;

public sealed class When_reading_the_global_log
{
    [Fact]
    public async Task Should_not_skip_an_event_committed_late_by_an_earlier_transaction()
    {
        var held = new HoldingProjection();
        await using var scope = await StoreScope.Create();
        var holding = scope.StoreWith(o => o.InlineProjections.Add(held));

        await scope.Append(Guid.NewGuid(), 0, new Incremented(1));
        var seen = await scope.ReadLogUntil(LogPosition.Start, 1);
        Assert.Single(seen);

        var slowSession = holding.OpenSession(new());
        var slowStream = Guid.NewGuid();
        slowSession.StartStream(slowStream, "counter", new Incremented(2));
        var slow = slowSession.SaveChanges(CancellationToken.None);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var fastStream = Guid.NewGuid();
        await scope.Append(fastStream, 0, new Incremented(3));
        var lowerSeq = await scope.Scalar<long>("select min(seq_id) from {s}.events where stream_id = $1", fastStream);
        Assert.True(held.Sequence < lowerSeq, "the held transaction took the lower sequence number");

        Assert.Empty(await scope.Store.ReadLog(seen[^1].Position, 100, CancellationToken.None));

        held.Release.SetResult();
        await slow;
        seen.AddRange(await scope.ReadLogUntil(seen[^1].Position, 2));

        Assert.Equal(3, seen.Count);
        Assert.Equal([slowStream, fastStream], seen.Skip(1).Select(e => e.StreamId));
        Assert.Equal(seen.Count, seen.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Should_refuse_an_append_from_a_transaction_older_than_the_streams_last_writer()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1));

        await using var older = await scope.DataSource.OpenConnectionAsync();
        await using var tx = await older.BeginTransactionAsync();
        await using (var takeXid = new NpgsqlCommand("select pg_current_xact_id()", older, tx))
        {
            await takeXid.ExecuteScalarAsync();
        }

        await scope.Append(id, 1, new Incremented(1));

        await using var append = new NpgsqlCommand(
            $"select * from {scope.Schema}.append_events($1, null, 2, array[gen_random_uuid()], array['counter.incremented'], array['{{\"by\":1}}'::jsonb], '{{}}'::jsonb, null, null, now())",
            older,
            tx);
        append.Parameters.Add(new NpgsqlParameter { Value = id });
        var error = await Assert.ThrowsAsync<PostgresException>(() => append.ExecuteNonQueryAsync());
        Assert.Equal("GS409", error.SqlState);
        Assert.Contains("newer transaction", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stream_every_event_in_log_order_across_pages()
    {
        await using var scope = await StoreScope.Create();
        var ids = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await scope.Append(id, 0, new Incremented(1), new Incremented(2));
        }

        var read = await scope.ReadLogUntil(LogPosition.Start, 50, pageSize: 7);

        Assert.Equal(50, read.Count);
        Assert.Equal(read.Select(e => e.Position).Order(), read.Select(e => e.Position));
        Assert.Equal(ids, read.Select(e => e.StreamId).Distinct());
    }

    private sealed class HoldingProjection : IProjection
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Sequence { get; private set; }

        public string Name => "holding";

        public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
        {
            Sequence = events[0].Sequence;
            Entered.SetResult();
            await Release.Task.WaitAsync(ct);
        }

        public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}

using System.Diagnostics;
using Grants.EventSourcing;
using Npgsql;

namespace Grants.Bench;

/// <summary>Folds the whole global log into per-grant totals, against a raw binary COPY of the same columns.</summary>
internal sealed class ReplayBenchmarks(NpgsqlDataSource dataSource, EventStore store, EventStore seeder, int events)
{
    private const int EventsPerStream = 20;

    public async Task<(IReadOnlyList<Measurement> Results, string Memory)> Run()
    {
        await Seed();
        double copy = 0, replay = 0;
        var memory = "";
        // Alternating, best of two each: the first pass also warms the cache for the other.
        for (var round = 0; round < 2; round++)
        {
            copy = Math.Max(copy, await CopyRate());
            var (rate, heap) = await ReplayRate();
            (replay, memory) = rate > replay ? (rate, heap) : (replay, memory);
        }

        return ([
            new Measurement($"raw COPY read of {events:N0} events", "rows/s", copy, ""),
            new Measurement($"replay {events:N0} events into projections", "events/s", replay, $"raw COPY read of {events:N0} events"),
        ], memory);
    }

    /// <summary>Written through the real append path; without waiting for fsync, since seeding is not what is measured.</summary>
    private async Task Seed()
    {
        var streams = events / EventsPerStream;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < streams)
            {
                var grant = Guid.NewGuid();
                var session = seeder.OpenSession(new EventMetadata(Guid.NewGuid(), null, "seed", "finance", null, "bench"));
                session.StartStream(grant, "grant", Enumerable.Range(0, EventsPerStream).Select(i => (object)BenchEvents.Next(grant, i)));
                await session.SaveChanges(CancellationToken.None);
            }
        })));
        await using var analyze = dataSource.CreateCommand($"vacuum analyze {store.Options.Schema}.events");
        await analyze.ExecuteNonQueryAsync();
    }

    private async Task<double> CopyRate()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var export = await connection.BeginBinaryExportAsync(
            $"copy (select seq_id, tx_id, id, stream_id, version, type, data, timestamp, correlation_id, causation_id, headers from {store.Options.Schema}.events) to stdout (format binary)"))
        {
            while (await export.StartRowAsync() != -1)
            {
                await export.ReadAsync<long>();
                await export.ReadAsync<ulong>(NpgsqlTypes.NpgsqlDbType.Xid8);
                await export.ReadAsync<Guid>();
                await export.ReadAsync<Guid>();
                await export.ReadAsync<long>();
                await export.ReadAsync<string>();
                await export.ReadAsync<string>();
                await export.ReadAsync<DateTimeOffset>();
                await export.SkipAsync();
                await export.SkipAsync();
                await export.ReadAsync<string>();
                rows++;
            }
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Memory is sampled after a full collection at each quarter of the log: flat means streamed.</summary>
    private async Task<(double Rate, string Memory)> ReplayRate()
    {
        var totals = new Dictionary<Guid, GrantTotals>();
        var heap = new List<long> { GC.GetTotalMemory(forceFullCollection: true) };
        var paused = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        long count = 0;
        await foreach (var e in store.ReadLogFrom(LogPosition.Start, pageSize: 10_000))
        {
            totals[e.StreamId] = GrantTotals.Evolve(totals.GetValueOrDefault(e.StreamId, GrantTotals.Initial), e.Data);
            if (++count % (events / 4) == 0)
            {
                var pause = Stopwatch.StartNew();
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
                paused += pause.Elapsed;
            }
        }

        var rate = count / (clock.Elapsed - paused).TotalSeconds;
        if (count != events || totals.Count != events / EventsPerStream || totals.Values.Any(t => t.Payments != EventsPerStream))
        {
            throw new InvalidOperationException($"Replay folded {count} events into {totals.Count} grants; expected {events} into {events / EventsPerStream}.");
        }

        return (rate, $"live managed heap at 0/25/50/75/100% of the replay: {string.Join(" / ", heap.Select(h => $"{h / 1e6:N1}"))} MB " +
            $"(the {totals.Count:N0} projected grants are the only thing that grows)");
    }
}

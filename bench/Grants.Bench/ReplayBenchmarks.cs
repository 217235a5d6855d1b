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
        var copy = await CopyRate();
        var (replay, memory) = await ReplayRate();
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
                await export.ReadAsync<ulong>();
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

    private async Task<(double Rate, string Memory)> ReplayRate()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var totals = new Dictionary<Guid, GrantTotals>();
        var clock = Stopwatch.StartNew();
        long count = 0;
        await foreach (var e in store.ReadLogFrom(LogPosition.Start, pageSize: 10_000))
        {
            totals[e.StreamId] = GrantTotals.Evolve(totals.GetValueOrDefault(e.StreamId, GrantTotals.Initial), e.Data);
            if (++count % 50_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
            }
        }

        var rate = count / clock.Elapsed.TotalSeconds;
        if (count != events || totals.Count != events / EventsPerStream || totals.Values.Any(t => t.Payments != EventsPerStream))
        {
            throw new InvalidOperationException($"Replay folded {count} events into {totals.Count} grants; expected {events} into {events / EventsPerStream}.");
        }

        return (rate, $"managed heap before replay {before / 1e6:N1} MB, peak during replay {peak / 1e6:N1} MB ({totals.Count:N0} projected grants held)");
    }
}

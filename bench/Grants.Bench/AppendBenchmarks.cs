using Grants.EventSourcing;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Bench;

/// <summary>Appends through the store against single- and multi-row INSERTs into a table of the same shape and indexes.</summary>
internal sealed class AppendBenchmarks(NpgsqlDataSource dataSource, EventStore store, TimeSpan duration)
{
    private static readonly byte[] Hash = new byte[32];

    public async Task<IReadOnlyList<Measurement>> Run()
    {
        await Execute($"create table {store.Options.Schema}.raw_events (like {store.Options.Schema}.events including all)");
        var results = new List<Measurement>();
        foreach (var (name, writers, batch) in new[] { ("1 writer, 1 stream", 1, 1), ("16 writers, 16 streams", 16, 1), ("1 writer, 10 events per append", 1, 10) })
        {
            var (raw, append) = await Measurement.Alternating(5, duration, () => RawInsert(batch), () => StoreAppend(batch), writers);
            var baseline = batch == 1 ? "single-row INSERT" : $"{batch}-row INSERT";
            results.Add(new Measurement($"raw {baseline}, {name}", "rows/s", raw, ""));
            results.Add(new Measurement($"append, {name}", "events/s", append, $"raw {baseline}, {name}"));
        }

        return results;
    }

    private Func<Task<int>> StoreAppend(int batch)
    {
        var stream = Guid.NewGuid();
        var version = 0L;
        return async () =>
        {
            var session = store.OpenSession(new EventMetadata(Guid.NewGuid(), null, "bench", "finance", null, "bench"));
            var events = Enumerable.Range(0, batch).Select(i => (object)BenchEvents.Next(stream, version + i));
            if (version == 0)
            {
                session.StartStream(stream, "grant", events);
            }
            else
            {
                session.Append(stream, version, events);
            }

            await session.SaveChanges(CancellationToken.None);
            version += batch;
            return batch;
        };
    }

    private Func<Task<int>> RawInsert(int batch)
    {
        var stream = Guid.NewGuid();
        var version = 0L;
        var values = string.Join(", ", Enumerable.Range(0, batch).Select(i =>
            $"(${(i * 4) + 1}, ${(i * 4) + 2}, ${(i * 4) + 3}, ${(i * 4) + 4}, 'bench.tranche_paid', now(), '{{\"user\":\"bench\"}}', '\\x{Convert.ToHexString(Hash)}')"));
        var sql = $"insert into {store.Options.Schema}.raw_events (id, stream_id, version, data, type, timestamp, headers, hash) values {values}";
        return async () =>
        {
            await using var command = dataSource.CreateCommand(sql);
            for (var i = 0; i < batch; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
                command.Parameters.Add(new NpgsqlParameter { Value = stream });
                command.Parameters.Add(new NpgsqlParameter { Value = ++version });
                command.Parameters.Add(new NpgsqlParameter
                {
                    Value = System.Text.Json.JsonSerializer.Serialize(BenchEvents.Next(stream, version), store.Options.Json),
                    NpgsqlDbType = NpgsqlDbType.Jsonb,
                });
            }

            await command.ExecuteNonQueryAsync();
            return batch;
        };
    }

    private async Task Execute(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}

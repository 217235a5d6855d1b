using Npgsql;

namespace Grants.EventSourcing;

/// <summary>Reads the record as it is stored, for auditors: everything about one id, and what a stream is.</summary>
public sealed class EventHistory(EventStore store)
{
    /// <summary>The index that finds every event of a correlation (an application's whole lifecycle) without a scan.</summary>
    public static MigrationSet Migrations { get; } = new("history_migrations", s =>
    [
        new(1, "events by correlation", $"create index events_correlation on {s}.events (correlation_id) where correlation_id is not null"),
    ]);

    /// <summary>
    /// Every committed event whose correlation id is <paramref name="id"/> or whose stream is
    /// <paramref name="id"/>, in log order. Unlike the log readers it does not wait for the horizon:
    /// an auditor sees everything committed when the query runs.
    /// </summary>
    public Task<IReadOnlyList<RecordedEvent>> Related(Guid id, CancellationToken ct) => EventStore.Guard(async () =>
    {
        var s = store.Options.Schema;
        await using var command = store.DataSource.CreateCommand(
            $"""
            select e.seq_id, e.tx_id, e.id, e.stream_id, coalesce(st.type, ''), e.version, e.type, e.data::text, e.timestamp,
                   e.correlation_id, e.causation_id, e.headers::text, e.hash
            from {s}.events e left join {s}.streams st on st.id = e.stream_id
            where e.correlation_id = $1 or e.stream_id = $1
            order by e.tx_id, e.seq_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
        {
            var correlationId = reader.IsDBNull(9) ? (Guid?)null : reader.GetGuid(9);
            var causationId = reader.IsDBNull(10) ? (Guid?)null : reader.GetGuid(10);
            events.Add(new RecordedEvent(
                new LogPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)),
                reader.GetGuid(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                EventHeaders.Read(reader.GetString(11), correlationId, causationId, store.Options.Json),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(12))));
        }

        return (IReadOnlyList<RecordedEvent>)events;
    });

    /// <summary>The stream's row, or null when there is no such stream.</summary>
    public Task<StreamInfo?> Stream(Guid streamId, CancellationToken ct) => EventStore.Guard(async () =>
    {
        await using var command = store.DataSource.CreateCommand(
            $"select type, version, created, timestamp from {store.Options.Schema}.streams where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StreamInfo(streamId, reader.GetString(0), reader.GetInt64(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    });
}

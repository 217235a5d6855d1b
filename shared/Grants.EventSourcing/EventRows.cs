using System.Text.Json;
using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Reads event rows selected with <see cref="Columns"/>, in that order, into <see cref="StoredEvent"/>s.
/// One reader per result set: events of one append share their headers, so the last parsed ones are reused.
/// </summary>
internal sealed class EventRows(EventStoreOptions options)
{
    public const string Columns = "seq_id, tx_id, id, stream_id, version, type, data, timestamp, correlation_id, causation_id, headers";

    private string? _headers;
    private EventMetadata? _metadata;

    public StoredEvent Read(NpgsqlDataReader reader)
    {
        var type = reader.GetString(5);
        var data = JsonSerializer.Deserialize(reader.GetString(6), options.Types.JsonTypeOf(type, options.Json))
            ?? throw new JsonException($"Event {reader.GetGuid(2)} of type '{type}' has null data.");
        var correlationId = reader.IsDBNull(8) ? (Guid?)null : reader.GetGuid(8);
        var causationId = reader.IsDBNull(9) ? (Guid?)null : reader.GetGuid(9);
        var headers = reader.GetString(10);
        if (headers != _headers || _metadata!.CorrelationId != correlationId || _metadata.CausationId != causationId)
        {
            _metadata = EventHeaders.Read(headers, correlationId, causationId, options.Json);
            _headers = headers;
        }

        return new StoredEvent(
            new LogPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)),
            reader.GetGuid(2),
            reader.GetGuid(3),
            reader.GetInt64(4),
            type,
            data,
            reader.GetFieldValue<DateTimeOffset>(7),
            _metadata);
    }
}

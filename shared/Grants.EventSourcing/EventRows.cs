using System.Text.Json;
using Npgsql;

namespace Grants.EventSourcing;

/// <summary>Reads event rows selected with <see cref="Columns"/>, in that order, into <see cref="StoredEvent"/>s.</summary>
internal static class EventRows
{
    public const string Columns = "seq_id, tx_id, id, stream_id, version, type, data, timestamp, correlation_id, causation_id, headers";

    public static StoredEvent Read(NpgsqlDataReader reader, EventStoreOptions options)
    {
        var type = reader.GetString(5);
        var clrType = options.Types.TypeOf(type);
        var data = JsonSerializer.Deserialize(reader.GetString(6), clrType, options.Json)
            ?? throw new JsonException($"Event {reader.GetGuid(2)} of type '{type}' has null data.");
        var correlationId = reader.IsDBNull(8) ? (Guid?)null : reader.GetGuid(8);
        var causationId = reader.IsDBNull(9) ? (Guid?)null : reader.GetGuid(9);
        return new StoredEvent(
            new LogPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)),
            reader.GetGuid(2),
            reader.GetGuid(3),
            reader.GetInt64(4),
            type,
            data,
            reader.GetFieldValue<DateTimeOffset>(7),
            EventHeaders.Read(reader.GetString(10), correlationId, causationId, options.Json));
    }
}

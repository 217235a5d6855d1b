using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>Records and recomputes the digest of all stream heads (see <see cref="IntegrityDigestRecorded"/>).</summary>
public sealed class IntegrityDigest(EventStore store)
{
    public const string EventType = "grants.integrity_digest_recorded";
    public const string StreamType = "integrity-digest";

    /// <summary>The one stream holding every digest of this store; it is itself hash-chained.</summary>
    public static readonly Guid StreamId = new("00000000-0000-4000-8000-0000d16e5700");

    public async Task<IntegrityDigestRecorded> Record(EventMetadata metadata, CancellationToken ct)
    {
        var digest = await EventStore.Guard(async () =>
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(
                $"""
                select tx_id, seq_id from {store.Options.Schema}.events
                where stream_id <> $1 and tx_id < (select pg_snapshot_xmin(pg_current_snapshot()))
                order by tx_id desc, seq_id desc limit 1
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = StreamId });
            var through = LogPosition.Start;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    through = new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
                }
            }

            var (streams, events, root) = await ComputeRoot(connection, through, ct);
            return new IntegrityDigestRecorded(
                store.Time.GetUtcNow(), through.TransactionId, through.Sequence, streams, events, root);
        });

        var current = await store.OpenSession(metadata).FetchForWriting<DigestVersion>(StreamId, ct);
        var session = store.OpenSession(metadata);
        if (current.Version == 0)
        {
            session.StartStream(StreamId, StreamType, digest);
        }
        else
        {
            session.Append(StreamId, current.Version, digest);
        }

        await session.SaveChanges(ct);
        return digest;
    }

    /// <summary>SHA-256 over (stream id, version, hash) of every stream's last event at the position, in stream id order.</summary>
    internal async Task<(long Streams, long Events, string Root)> ComputeRoot(
        NpgsqlConnection connection, LogPosition through, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select distinct on (stream_id) stream_id, version, hash from {store.Options.Schema}.events
            where stream_id <> $1 and (tx_id, seq_id) <= ($2, $3)
            order by stream_id, version desc
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = StreamId });
        command.Parameters.Add(new NpgsqlParameter { Value = through.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = through.Sequence });
        await using var reader = await command.ExecuteReaderAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long streams = 0, events = 0;
        var versionBytes = new byte[8];
        while (await reader.ReadAsync(ct))
        {
            var version = reader.GetInt64(1);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(versionBytes, version);
            hash.AppendData(reader.GetGuid(0).ToByteArray(bigEndian: true));
            hash.AppendData(versionBytes);
            hash.AppendData(reader.GetFieldValue<byte[]>(2));
            streams++;
            events += version;
        }

        return (streams, events, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Only the version matters to append the next digest.</summary>
    private sealed record DigestVersion : IEventSourced<DigestVersion>
    {
        public static DigestVersion Initial { get; } = new();

        public static DigestVersion Evolve(DigestVersion state, object @event) => state;
    }
}

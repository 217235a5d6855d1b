using System.Text.Json;
using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Recomputes every stream's hash chain from the stored rows and checks each stream head and each
/// recorded digest against them. Reads the log once, in stream order, without loading it whole.
/// </summary>
public sealed class IntegrityVerifier(EventStore store)
{
    public Task<IntegrityReport> Verify(CancellationToken ct) => EventStore.Guard(async () =>
    {
        var damaged = new List<StreamDamage>();
        long streams = 0, events = 0;
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using (var command = new NpgsqlCommand(
            $"""
            select coalesce(s.id, e.stream_id), s.version, s.head_hash,
                   e.seq_id, e.id, e.version, e.type, e.data::text, e.headers::text, e.timestamp,
                   e.correlation_id, e.causation_id, e.hash
            from {store.Options.Schema}.streams s
            full join {store.Options.Schema}.events e on e.stream_id = s.id
            order by 1, e.version
            """,
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            StreamCheck? current = null;
            while (await reader.ReadAsync(ct))
            {
                var streamId = reader.GetGuid(0);
                if (current?.StreamId != streamId)
                {
                    Finish(current, damaged);
                    current = new StreamCheck(streamId, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2));
                    streams++;
                }

                if (!reader.IsDBNull(3))
                {
                    events++;
                    current.Check(reader);
                }
            }

            Finish(current, damaged);
        }

        var digests = await VerifyDigests(connection, ct);
        return new IntegrityReport(streams, events, digests.Checked, damaged, digests.Damaged);
    });

    private static void Finish(StreamCheck? check, List<StreamDamage> damaged)
    {
        if (check?.Result() is { } damage)
        {
            damaged.Add(damage);
        }
    }

    private async Task<(int Checked, List<DigestDamage> Damaged)> VerifyDigests(NpgsqlConnection connection, CancellationToken ct)
    {
        var recorded = new List<(long Version, IntegrityDigestRecorded Digest)>();
        await using (var command = new NpgsqlCommand(
            $"select version, data::text from {store.Options.Schema}.events where stream_id = $1 and type = $2 order by version", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = IntegrityDigest.StreamId });
            command.Parameters.Add(new NpgsqlParameter { Value = IntegrityDigest.EventType });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var digest = JsonSerializer.Deserialize<IntegrityDigestRecorded>(reader.GetString(1), store.Options.Json)
                    ?? throw new JsonException("A recorded digest is null.");
                recorded.Add((reader.GetInt64(0), digest));
            }
        }

        var damaged = new List<DigestDamage>();
        var digestOf = new IntegrityDigest(store);
        foreach (var (version, digest) in recorded)
        {
            var (streams, events, root) = await digestOf.ComputeRoot(
                connection, new LogPosition(digest.ThroughTransaction, digest.ThroughSequence), ct);
            if (root != digest.RootHash)
            {
                damaged.Add(new DigestDamage(version, digest.RecordedAt,
                    $"The stream heads no longer match the digest of {digest.RecordedAt:u}: it recorded {digest.StreamCount} streams " +
                    $"with {digest.EventCount} events (root {digest.RootHash}), the log now has {streams} streams with {events} events " +
                    $"up to that point (root {root}). Events were removed, altered or rewritten."));
            }
        }

        return (recorded.Count, damaged);
    }

    /// <summary>Walks one stream in version order and remembers the first thing that is wrong.</summary>
    private sealed class StreamCheck(Guid streamId, long? headVersion, byte[]? headHash)
    {
        private long _version;
        private byte[]? _computed;
        private byte[]? _lastStored;
        private StreamDamage? _damage;

        public Guid StreamId => streamId;

        public void Check(NpgsqlDataReader row)
        {
            if (_damage is not null)
            {
                return;
            }

            var sequence = row.GetInt64(3);
            var version = row.GetInt64(5);
            if (version != _version + 1)
            {
                _damage = new StreamDamage(streamId, version, sequence,
                    $"Expected version {_version + 1} but found {version}: events are missing or out of place.");
                return;
            }

            var stored = row.GetFieldValue<byte[]>(12);
            _computed = HashChain.Next(
                _computed, row.GetGuid(4), streamId, version, row.GetString(6), row.GetString(7), row.GetString(8),
                row.GetFieldValue<DateTimeOffset>(9),
                row.IsDBNull(10) ? null : row.GetGuid(10),
                row.IsDBNull(11) ? null : row.GetGuid(11));
            if (!_computed.AsSpan().SequenceEqual(stored))
            {
                _damage = new StreamDamage(streamId, version, sequence,
                    "The event's hash does not match its contents and its predecessor: its data, metadata or position was changed.");
                return;
            }

            _version = version;
            _lastStored = stored;
        }

        public StreamDamage? Result()
        {
            if (_damage is not null)
            {
                return _damage;
            }

            if (headVersion is null)
            {
                return new StreamDamage(streamId, null, null, "Events exist for a stream that has no stream row.");
            }

            if (headVersion != _version)
            {
                return new StreamDamage(streamId, null, null,
                    $"The stream head records version {headVersion} but its events end at version {_version}: events were removed.");
            }

            return _lastStored is not null && headHash is not null && _lastStored.AsSpan().SequenceEqual(headHash)
                ? null
                : new StreamDamage(streamId, null, null, "The stream head's hash does not match its last event.");
        }
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>Writes sessions' inbox rows and appends, in session order, as one transaction.</summary>
internal static class SessionWriter
{
    /// <summary>
    /// The <paramref name="checks"/> run first, so one that fails stops the batch before anything
    /// else; the <paramref name="also"/> statements run last.
    /// </summary>
    public static async Task<IReadOnlyList<StoredEvent>> Save(
        EventStore store, IReadOnlyList<EventSession> sessions, IReadOnlyList<NpgsqlBatchCommand> checks,
        IReadOnlyList<NpgsqlBatchCommand> also, CancellationToken ct)
    {
        if (sessions.All(s => s.Appends.Count == 0 && s.Inbox is null) && also.Count == 0)
        {
            return [];
        }

        var options = store.Options;
        var now = store.Time.GetUtcNow();
        // PostgreSQL keeps microseconds; round here so what projections see is what is stored.
        var timestamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(ct);
            // Without inline projections one batch is one implicit transaction: a single round trip.
            await using var tx = options.InlineProjections.Count > 0 ? await connection.BeginTransactionAsync(ct) : null;
            await using var batch = new NpgsqlBatch(connection, tx);
            foreach (var check in checks)
            {
                batch.BatchCommands.Add(check);
            }

            foreach (var session in sessions)
            {
                // The inbox row goes first, so a redelivered message stops there before any append.
                if (session.Inbox is var (messageId, consumer))
                {
                    batch.BatchCommands.Add(InboxCommand(options.Schema, messageId, consumer));
                }

                var headers = EventHeaders.Serialize(session.Metadata, options.Json);
                foreach (var append in session.Appends)
                {
                    batch.BatchCommands.Add(AppendCommand(options.Schema, append, headers, session.Metadata, timestamp));
                }
            }

            foreach (var command in also)
            {
                batch.BatchCommands.Add(command);
            }

            var stored = new List<StoredEvent>();
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                foreach (var _ in checks)
                {
                    await reader.NextResultAsync(ct);
                }

                foreach (var session in sessions)
                {
                    if (session.Inbox is not null)
                    {
                        await reader.NextResultAsync(ct);
                    }

                    foreach (var append in session.Appends)
                    {
                        await reader.ReadAsync(ct);
                        var seqIds = reader.GetFieldValue<long[]>(0);
                        var txId = reader.GetFieldValue<ulong>(1);
                        stored.AddRange(append.Events.Select((e, i) => new StoredEvent(
                            new LogPosition(txId, seqIds[i]), e.Id, append.StreamId, append.ExpectedVersion + i + 1, e.Type, e.Data,
                            timestamp, session.Metadata)));
                        await reader.NextResultAsync(ct);
                    }
                }
            }

            if (tx is not null)
            {
                var context = new ProjectionContext(connection, tx, options.Schema);
                foreach (var projection in options.InlineProjections)
                {
                    await projection.Apply(stored, context, ct);
                }

                await tx.CommitAsync(ct);
            }

            foreach (var session in sessions)
            {
                session.Clear();
            }

            return stored;
        }
        catch (Exception error) when (Translate(error, sessions) is { } translated)
        {
            throw translated;
        }
    }

    // Which message of several was the duplicate is not told by PostgreSQL; a group that fails is
    // written again one session at a time by its owner, where the error names it.
    private static Exception? Translate(Exception error, IReadOnlyList<EventSession> sessions) =>
        sessions.Count == 1
            ? StoreErrors.Translate(error, sessions[0].Appends, sessions[0].Inbox)
            : StoreErrors.Translate(error, [.. sessions.SelectMany(s => s.Appends)], null);

    private static NpgsqlBatchCommand InboxCommand(string schema, Guid messageId, string consumer) =>
        new($"insert into {schema}.inbox (message_id, consumer) values ($1, $2) returning message_id")
        {
            Parameters = { new() { Value = messageId }, new() { Value = consumer } },
        };

    private static NpgsqlBatchCommand AppendCommand(
        string schema, PendingAppend append, string headers, EventMetadata metadata, DateTimeOffset timestamp) =>
        new($"select o_seq_ids, o_tx_id from {schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        {
            Parameters =
            {
                new() { Value = append.StreamId },
                new() { Value = (object?)append.StreamType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = append.ExpectedVersion },
                new() { Value = append.Events.Select(e => e.Id).ToArray() },
                new() { Value = append.Events.Select(e => e.Type).ToArray() },
                new() { Value = append.Events.Select(e => e.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new() { Value = headers, NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = (object?)metadata.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = (object?)metadata.CausationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = timestamp },
            },
        };
}

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
        // Table projections need nothing the append returns: their statements join the batch, which is
        // then one implicit transaction and a single round trip. Any other inline projection is given
        // the stored events in an explicit transaction, after the appends.
        var tables = options.InlineProjections.OfType<TableProjection>().ToList();
        var afterwards = options.InlineProjections.Count > tables.Count;
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(ct);
            await using var tx = afterwards ? await connection.BeginTransactionAsync(ct) : null;
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

            if (!afterwards)
            {
                var appended = sessions.SelectMany(s => s.Appends.SelectMany(a => Stored(s, a, timestamp, null))).ToList();
                foreach (var command in tables.SelectMany(t => t.Statements(appended, options.Schema)))
                {
                    batch.BatchCommands.Add(command);
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
                        stored.AddRange(Stored(session, append, timestamp, i => new LogPosition(txId, seqIds[i])));
                        await reader.NextResultAsync(ct);
                    }
                }

                // The projections' and the caller's statements: an error in any of them surfaces here and undoes the batch.
                while (await reader.NextResultAsync(ct))
                {
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

    /// <summary>An append's events as stored; without <paramref name="position"/> (not known before the write) at the log's start.</summary>
    private static IEnumerable<StoredEvent> Stored(EventSession session, PendingAppend append, DateTimeOffset timestamp, Func<int, LogPosition>? position) =>
        append.Events.Select((e, i) => new StoredEvent(
            position?.Invoke(i) ?? LogPosition.Start, e.Id, append.StreamId, append.ExpectedVersion + i + 1, e.Type, e.Data, timestamp, session.Metadata));

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

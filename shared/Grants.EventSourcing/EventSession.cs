using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>
/// A unit of work: the appends and inbox marks it collects are written together by
/// <see cref="SaveChanges"/>, atomically, or not at all.
/// </summary>
public sealed class EventSession(EventStore store, EventMetadata metadata)
{
    private readonly List<PendingAppend> _appends = [];
    private (Guid MessageId, string Consumer)? _inbox;

    public EventMetadata Metadata => metadata;

    /// <summary>Loads the current state and version, to decide on and append with that expected version.</summary>
    public Task<StreamState<TState>> FetchForWriting<TState>(Guid streamId, CancellationToken ct)
        where TState : IEventSourced<TState> =>
        store.FetchState<TState>(streamId, toVersion: null, asOf: null, mustExist: false, ct);

    public void StartStream(Guid streamId, string streamType, params IEnumerable<object> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        Queue(streamId, streamType, 0, events);
    }

    public void Append(Guid streamId, long expectedVersion, params IEnumerable<object> events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedVersion);
        Queue(streamId, null, expectedVersion, events);
    }

    /// <summary>
    /// Records that a consumer handled a message, one per session; a second delivery then fails with
    /// <see cref="DuplicateMessageException"/> and changes nothing.
    /// </summary>
    public void MarkProcessed(Guid messageId, string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        if (_inbox is not null)
        {
            throw new InvalidOperationException("A session records the handling of one message.");
        }

        _inbox = (messageId, consumer);
    }

    public async Task<IReadOnlyList<StoredEvent>> SaveChanges(CancellationToken ct)
    {
        if (_appends.Count == 0 && _inbox is null)
        {
            return [];
        }

        var options = store.Options;
        var now = store.Time.GetUtcNow();
        // PostgreSQL keeps microseconds; round here so what projections see is what is stored.
        var timestamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        var headers = EventHeaders.Serialize(metadata, options.Json);
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(ct);
            // Without inline projections one batch is one implicit transaction: a single round trip.
            await using var tx = options.InlineProjections.Count > 0 ? await connection.BeginTransactionAsync(ct) : null;
            await using var batch = new NpgsqlBatch(connection, tx);
            if (_inbox is var (messageId, consumer))
            {
                batch.BatchCommands.Add(InboxCommand(options.Schema, messageId, consumer));
            }

            foreach (var append in _appends)
            {
                batch.BatchCommands.Add(AppendCommand(options.Schema, append, headers, metadata, timestamp));
            }

            var stored = new List<StoredEvent>();
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                if (_inbox is not null)
                {
                    await reader.NextResultAsync(ct);
                }

                foreach (var append in _appends)
                {
                    await reader.ReadAsync(ct);
                    var seqIds = reader.GetFieldValue<long[]>(0);
                    var txId = reader.GetFieldValue<ulong>(1);
                    stored.AddRange(append.Events.Select((e, i) => new StoredEvent(
                        new LogPosition(txId, seqIds[i]), e.Id, append.StreamId, append.ExpectedVersion + i + 1, e.Type, e.Data,
                        timestamp, metadata)));
                    await reader.NextResultAsync(ct);
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

            _appends.Clear();
            _inbox = null;
            return stored;
        }
        catch (Exception error) when (StoreErrors.Translate(error, _appends, _inbox) is { } translated)
        {
            throw translated;
        }
    }

    private void Queue(Guid streamId, string? streamType, long expectedVersion, IEnumerable<object> events)
    {
        var options = store.Options;
        var pending = events.Select(e =>
        {
            ArgumentNullException.ThrowIfNull(e);
            var type = options.Types.NameOf(e.GetType());
            var json = JsonSerializer.Serialize(e, e.GetType(), options.Json);
            var size = Encoding.UTF8.GetByteCount(json);
            return size > options.MaxEventBytes
                ? throw new EventTooLargeException(type, size, options.MaxEventBytes)
                : new PendingEvent(Guid.CreateVersion7(), type, json, e);
        }).ToList();
        if (pending.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        if (_appends.Exists(a => a.StreamId == streamId))
        {
            throw new InvalidOperationException($"Stream {streamId} is already appended to in this session; pass all its events in one call.");
        }

        _appends.Add(new PendingAppend(streamId, streamType, expectedVersion, pending));
    }

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

using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>A service's event store: streams with optimistic concurrency, the global log, the inbox.</summary>
public sealed class EventStore(NpgsqlDataSource dataSource, EventStoreOptions options, TimeProvider? time = null)
{
    public EventStoreOptions Options => options;

    internal NpgsqlDataSource DataSource => dataSource;

    internal TimeProvider Time { get; } = time ?? TimeProvider.System;

    public Task EnsureSchema(CancellationToken ct) => EnsureSchema(SchemaMigrations.Store, ct);

    /// <summary>Brings another component's tables in this store's schema up to date, the same way as the store's own.</summary>
    public Task EnsureSchema(MigrationSet set, CancellationToken ct) =>
        SchemaMigrator.Migrate(dataSource, options.Schema, set, ct);

    public EventSession OpenSession(EventMetadata metadata) => new(this, metadata);

    /// <summary>Sessions saved in one transaction; with a cache, states are taken from it and kept in it (see <see cref="StateCache"/>).</summary>
    public SessionGroup OpenGroup(StateCache? cache = null) => new(this, cache);

    public BatchQuery CreateBatchQuery() => new(this);

    /// <summary>The stream's events in version order, up to a version and/or an instant.</summary>
    public IAsyncEnumerable<StoredEvent> ReadStream(
        Guid streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default) =>
        ReadStream(streamId, toVersion, asOf, mustExist: true, ct);

    /// <summary>Folds a stream into its state, as it is or as it was at a version or an instant.</summary>
    public Task<StreamState<TState>> AggregateStream<TState>(
        Guid streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
        where TState : IEventSourced<TState> =>
        FetchState<TState>(streamId, toVersion, asOf, mustExist: true, ct);

    /// <summary>With <paramref name="mustExist"/> false, a stream without events is simply empty: no second query to tell why.</summary>
    internal async Task<StreamState<TState>> FetchState<TState>(
        Guid streamId, long? toVersion, DateTimeOffset? asOf, bool mustExist, CancellationToken ct)
        where TState : IEventSourced<TState>
    {
        var state = TState.Initial;
        var version = 0L;
        await foreach (var e in ReadStream(streamId, toVersion, asOf, mustExist, ct))
        {
            state = TState.Evolve(state, e.Data);
            version = e.Version;
        }

        return new StreamState<TState>(streamId, state, version);
    }

    private async IAsyncEnumerable<StoredEvent> ReadStream(
        Guid streamId, long? toVersion, DateTimeOffset? asOf, bool mustExist, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await Guard(() => dataSource.OpenConnectionAsync(ct).AsTask());
        var any = false;
        var rows = new EventRows(options);
        await using (var command = StreamQuery(connection, streamId, toVersion, asOf))
        await using (var reader = await Guard(() => command.ExecuteReaderAsync(ct)))
        {
            while (await ReadNext(reader, ct))
            {
                any = true;
                yield return rows.Read(reader);
            }
        }

        if (mustExist && !any && !await StreamExists(connection, streamId, ct))
        {
            throw new StreamNotFoundException(streamId);
        }
    }

    /// <summary>
    /// Reads the global log after a position, only events of transactions that can no longer be
    /// in flight. A sequence number is taken when a row is inserted, not when its transaction
    /// commits, so a reader that trusted seq_id alone would skip a slow transaction's events.
    /// Every transaction still running or yet to start has an id at or above the snapshot's
    /// xmin, so everything below it is final, and ordering by (tx_id, seq_id) never goes back.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadLog(LogPosition after, int maxCount, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await Guard(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return await ReadLog(connection, null, after, maxCount, ct);
        });
    }

    /// <summary>
    /// With <paramref name="types"/>, only events of those types in the next <paramref name="maxCount"/>
    /// of the log, and the last of them whatever its type, so the reader can move past the rest.
    /// The kept ids go through an array: an OR of two subqueries made the planner filter the whole table.
    /// </summary>
    internal async Task<IReadOnlyList<StoredEvent>> ReadLog(
        NpgsqlConnection connection, NpgsqlTransaction? tx, LogPosition after, int maxCount, CancellationToken ct,
        IReadOnlySet<string>? types = null)
    {
        const string Page = "(tx_id, seq_id) > ($1, $2) and tx_id < (select pg_snapshot_xmin(pg_current_snapshot()))";
        await using var command = new NpgsqlCommand(
            types is null
                ? $"select {EventRows.Columns} from {options.Schema}.events where {Page} order by tx_id, seq_id limit $3"
                : $"""
                  with page as (select seq_id, tx_id, type from {options.Schema}.events where {Page} order by tx_id, seq_id limit $3)
                  select {EventRows.Columns} from {options.Schema}.events
                  where seq_id = any(array(
                      select seq_id from page
                      where type = any($4) or seq_id = (select seq_id from page order by tx_id desc, seq_id desc limit 1)))
                  order by tx_id, seq_id
                  """,
            connection,
            tx);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });
        if (types is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = types.ToArray() });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>(Math.Min(maxCount, 1024));
        var rows = new EventRows(options);
        while (await reader.ReadAsync(ct))
        {
            events.Add(rows.Read(reader));
        }

        return events;
    }

    /// <summary>Streams the whole safe log after a position, page by page, so memory stays flat however long it is.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadLogFrom(
        LogPosition after, int pageSize = 5000, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var page = await ReadLog(after, pageSize, ct);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Position;
        }
    }

    public async Task<bool> HasProcessed(Guid messageId, string consumer, CancellationToken ct) =>
        await Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                $"select exists (select 1 from {options.Schema}.inbox where message_id = $1 and consumer = $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = messageId });
            command.Parameters.Add(new NpgsqlParameter { Value = consumer });
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        });

    private NpgsqlCommand StreamQuery(NpgsqlConnection connection, Guid streamId, long? toVersion, DateTimeOffset? asOf)
    {
        var sql = $"select {EventRows.Columns} from {options.Schema}.events where stream_id = $1";
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        if (toVersion is { } version)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = version });
            sql += $" and version <= ${command.Parameters.Count}";
        }

        if (asOf is { } instant)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = instant.ToUniversalTime() });
            sql += $" and timestamp <= ${command.Parameters.Count}";
        }

        command.CommandText = sql + " order by version";
        return command;
    }

    private async Task<bool> StreamExists(NpgsqlConnection connection, Guid streamId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select exists (select 1 from {options.Schema}.streams where id = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return await Guard(async () => (bool)(await command.ExecuteScalarAsync(ct))!);
    }

    /// <summary>Per row of a stream read, so without the closure <see cref="Guard{T}"/> would allocate for every event.</summary>
    private static async Task<bool> ReadNext(NpgsqlDataReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadAsync(ct);
        }
        catch (Exception error) when (StoreErrors.Unavailable(error) is { } translated)
        {
            throw translated;
        }
    }

    internal static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (StoreErrors.Unavailable(error) is { } translated)
        {
            throw translated;
        }
    }

    internal static Task Guard(Func<Task> operation) => Guard(async () =>
    {
        await operation();
        return true;
    });
}

using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>
/// Feeds the global log to a projection in batches. Each batch's effects and the new checkpoint
/// commit in one transaction, so a crash anywhere replays at most the uncommitted batch and
/// every event takes effect exactly once. One runner per name at a time, across instances.
/// </summary>
public sealed class Subscription(EventStore store, IProjection projection, int batchSize = 500)
{
    public string Name => projection.Name;

    /// <summary>Processes at most one batch; 0 means caught up, or another instance holds the subscription.</summary>
    public Task<int> RunOnce(CancellationToken ct) => EventStore.Guard(async () =>
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var context = new ProjectionContext(connection, tx, store.Options.Schema);
        // An advisory lock, not SELECT FOR UPDATE: it takes no transaction id, so this reader
        // does not hold back the log horizon it reads against.
        if (!await TryLock(context, ct))
        {
            return 0;
        }

        var position = await ReadPosition(connection, tx, ct);
        var types = projection.EventTypes;
        var events = await store.ReadLog(connection, tx, position, batchSize, ct, types);
        if (events.Count == 0)
        {
            return 0;
        }

        var wanted = types is null ? events : [.. events.Where(e => types.Contains(e.Type))];
        if (wanted.Count > 0)
        {
            await projection.Apply(wanted, context, ct);
        }

        await WritePosition(context, events[^1].Position, ct);
        await tx.CommitAsync(ct);
        return events.Count;
    });

    public async Task<int> CatchUp(CancellationToken ct)
    {
        var total = 0;
        int count;
        while ((count = await RunOnce(ct)) > 0)
        {
            total += count;
        }

        return total;
    }

    /// <summary>Forgets everything the projection wrote and replays the log from the start.</summary>
    public async Task<int> Rebuild(CancellationToken ct)
    {
        await EventStore.Guard(async () =>
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var context = new ProjectionContext(connection, tx, store.Options.Schema);
            await using (var wait = context.Command("select pg_advisory_xact_lock(hashtextextended($1, 0))"))
            {
                wait.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                await wait.ExecuteNonQueryAsync(ct);
            }

            await projection.Reset(context, ct);
            await WritePosition(context, LogPosition.Start, ct);
            await tx.CommitAsync(ct);
        });
        return await CatchUp(ct);
    }

    public Task<LogPosition> Position(CancellationToken ct) => EventStore.Guard(async () =>
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        return await ReadPosition(connection, null, ct);
    });

    private string LockKey => $"grants.subscription.{store.Options.Schema}.{projection.Name}";

    private async Task<bool> TryLock(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command("select pg_try_advisory_xact_lock(hashtextextended($1, 0))");
        command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<LogPosition> ReadPosition(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select last_tx_id, last_seq_id from {store.Options.Schema}.event_progression where name = $1", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1))
            : LogPosition.Start;
    }

    private async Task WritePosition(ProjectionContext context, LogPosition position, CancellationToken ct)
    {
        await using var command = context.Command(
            $"""
            insert into {context.Schema}.event_progression (name, last_tx_id, last_seq_id, last_updated)
            values ($1, $2, $3, now())
            on conflict (name) do update set last_tx_id = excluded.last_tx_id, last_seq_id = excluded.last_seq_id, last_updated = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = position.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = position.Sequence });
        await command.ExecuteNonQueryAsync(ct);
    }
}

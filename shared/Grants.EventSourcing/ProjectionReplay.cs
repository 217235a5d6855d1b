using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>
/// Rebuilds projections from the log into a schema of their own (the live schema's name plus
/// <c>_replay</c>, left in place for inspection) and compares every table they touched with the live one.
/// The projections run twice on one snapshot of the log, in two transactions: a table the two runs fill
/// differently is reported as not deterministic rather than as damaged. The second run is the one kept
/// and compared with the live tables, which it reads in that same snapshot, so appends made meanwhile
/// show on neither side. It writes, so it holds back the log horizon of this store's subscriptions
/// while it runs.
/// </summary>
public sealed class ProjectionReplay(EventStore store)
{
    private const int PageSize = 1000;

    public string ReplaySchema { get; } = store.Options.Schema.Length <= 56
        ? store.Options.Schema + "_replay"
        : throw new ArgumentException($"Schema '{store.Options.Schema}' is too long to name a replay schema after it.");

    /// <param name="tables">Every table set of the service, so the replay schema holds its tables as the live one does.</param>
    public Task<ReplayReport> Run(IReadOnlyList<IProjection> projections, IEnumerable<MigrationSet> tables, CancellationToken ct) =>
        EventStore.Guard(async () =>
        {
            var names = projections.Select(p => p.Name).ToList();
            var live = store.Options.Schema;
            await using var first = await store.DataSource.OpenConnectionAsync(ct);
            await Execute(first, null, "select pg_advisory_lock(hashtextextended($1, 0))", ct, LockKey);
            try
            {
                await ReplayTables.Recreate(first, ReplaySchema, [SchemaMigrations.Store, .. tables], ct);

                await using var firstRun = await first.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                var snapshot = (string)(await Scalar(first, firstRun, "select pg_export_snapshot()", ct))!;
                await using var second = await store.DataSource.OpenConnectionAsync(ct);
                await using var secondRun = await second.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                await Execute(second, secondRun, $"set transaction snapshot '{ReplayTables.SnapshotId(snapshot)}'", ct);

                var firstContext = new ProjectionContext(first, firstRun, ReplaySchema);
                var (events, failure) = await Project(projections, firstContext, ct);
                if (failure is not null)
                {
                    return new ReplayReport(live, ReplaySchema, events, names, [], failure);
                }

                var touched = await ReplayTables.Touched(firstContext, ct);
                var firstDigests = await ReplayTables.Digests(firstContext, touched, ct);
                await firstRun.RollbackAsync(ct);

                var context = new ProjectionContext(second, secondRun, ReplaySchema);
                (events, failure) = await Project(projections, context, ct);
                if (failure is not null)
                {
                    return new ReplayReport(live, ReplaySchema, events, names, [], failure);
                }

                var secondDigests = await ReplayTables.Digests(context, touched, ct);
                var comparisons = new List<TableComparison>();
                foreach (var table in touched)
                {
                    comparisons.Add(await ReplayTables.Compare(context, live, table, firstDigests[table] == secondDigests[table], ct));
                }

                await secondRun.CommitAsync(ct);
                return new ReplayReport(live, ReplaySchema, events, names, comparisons);
            }
            finally
            {
                // Pooled connections are not reset when they return, so a session lock must be let go here.
                if (first.State == ConnectionState.Open)
                {
                    await Execute(first, null, "select pg_advisory_unlock(hashtextextended($1, 0))", CancellationToken.None, LockKey);
                }
            }
        });

    private string LockKey => $"grants.replay.{store.Options.Schema}";

    /// <summary>Feeds every event visible in the transaction's snapshot to each projection, page by page, as inline projections see them.</summary>
    private async Task<(long Events, string? Failure)> Project(IReadOnlyList<IProjection> projections, ProjectionContext context, CancellationToken ct)
    {
        var current = "";
        var after = LogPosition.Start;
        long events = 0;
        try
        {
            foreach (var projection in projections)
            {
                current = projection.Name;
                await projection.Reset(context, ct);
            }

            while (true)
            {
                var page = await ReadPage(context, after, ct);
                foreach (var projection in projections)
                {
                    current = projection.Name;
                    await projection.Apply(page, context, ct);
                }

                events += page.Count;
                if (page.Count < PageSize)
                {
                    return (events, null);
                }

                after = page[^1].Position;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException && StoreErrors.Unavailable(error) is null)
        {
            return (events, $"Projection '{current}' failed on the events after log position {after.TransactionId}/{after.Sequence}: {error.Message}");
        }
    }

    /// <summary>Every event the snapshot sees, without the live readers' horizon: in one snapshot nothing is in flight.</summary>
    private async Task<IReadOnlyList<StoredEvent>> ReadPage(ProjectionContext context, LogPosition after, CancellationToken ct)
    {
        await using var command = context.Command(
            $"""
            select {EventRows.Columns} from {store.Options.Schema}.events
            where (tx_id, seq_id) > ($1, $2) order by tx_id, seq_id limit $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new EventRows(store.Options);
        var page = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            page.Add(rows.Read(reader));
        }

        return page;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return await command.ExecuteScalarAsync(ct);
    }
}

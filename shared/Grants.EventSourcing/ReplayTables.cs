using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Grants.EventSourcing;

/// <summary>The catalog work of a replay: a fresh replay schema, the tables projections touched, and their comparison.</summary>
internal static partial class ReplayTables
{
    private const int Samples = 5;

    /// <summary>The store's own tables are the log, not projections of it, whatever a projection reads from them.</summary>
    private static readonly string[] StoreTables = ["events", "streams", "event_progression", "inbox"];

    /// <summary>
    /// Empties the replay schema of every object and runs every migration into it, in one transaction.
    /// The schema is kept rather than dropped: a service's role may own a schema an operator made for it
    /// without being allowed to create one.
    /// </summary>
    public static async Task Recreate(NpgsqlConnection connection, string schema, IEnumerable<MigrationSet> sets, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await Exists(connection, tx, schema, ct))
        {
            try
            {
                await Execute(connection, tx, $"create schema {schema}", ct);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new ReplaySchemaUnavailableException(schema, error);
            }
        }

        var drops = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            select format('drop %s if exists %I.%I cascade',
                          case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                         when 'f' then 'foreign table' else 'table' end, n.nspname, c.relname)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
              -- A sequence behind an identity or serial column goes with its table.
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))
            union all
            select format('drop routine if exists %s cascade', p.oid::regprocedure)
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1
            union all
            select format('drop type if exists %I.%I cascade', n.nspname, t.typname)
            from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = $1 and t.typtype in ('e', 'd')
            """, connection, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add(reader.GetString(0));
            }
        }

        foreach (var drop in drops)
        {
            await Execute(connection, tx, drop, ct);
        }

        foreach (var set in sets)
        {
            foreach (var migration in set.ForSchema(schema).OrderBy(m => m.Version))
            {
                await Execute(connection, tx, migration.Sql, ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The replay schema's tables the projections locked in this transaction, by resetting, reading or
    /// writing them: exactly what they own, without each projection having to list its tables.
    /// </summary>
    public static async Task<IReadOnlyList<string>> Touched(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command(
            """
            select distinct c.relname from pg_locks l
            join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
            where l.pid = pg_backend_pid() and l.locktype = 'relation' and n.nspname = $1 and c.relkind in ('r', 'p')
              and not (c.relname = any ($2))
            order by 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = context.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = StoreTables });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>A fingerprint of each table's rows as a multiset, so two runs compare without copying either.</summary>
    public static async Task<Dictionary<string, string>> Digests(ProjectionContext context, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = context.Command(
                $"""
                select count(*) || ':' || md5(coalesce(string_agg(h, ',' order by h), ''))
                from (select md5(to_jsonb(t)::text) h from {context.Schema}.{Quote(table)} t) x
                """);
            digests[table] = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        return digests;
    }

    /// <summary>Live against replayed, on the replayed table's columns, rows as JSON so every column type compares.</summary>
    public static async Task<TableComparison> Compare(
        ProjectionContext context, string live, string table, bool deterministic, CancellationToken ct)
    {
        var replayColumns = await Columns(context, context.Schema, table, ct);
        var liveColumns = await Columns(context, live, table, ct);
        if (liveColumns.Count == 0)
        {
            return new TableComparison(table, 0, await Count(context, table, ct), 0, 0, [], [], deterministic,
                $"The live schema has no table '{table}'.");
        }

        var missing = replayColumns.Except(liveColumns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return new TableComparison(table, 0, await Count(context, table, ct), 0, 0, [], [], deterministic,
                $"The live table '{table}' lacks the columns {string.Join(", ", missing)}.");
        }

        var columns = string.Join(", ", replayColumns.Select(Quote));
        await using var command = context.Command(
            $"""
            with l as (select to_jsonb(t) r from (select {columns} from {live}.{Quote(table)}) t),
                 p as (select to_jsonb(t) r from (select {columns} from {context.Schema}.{Quote(table)}) t),
                 ol as (select r from l except all select r from p),
                 op as (select r from p except all select r from l)
            select (select count(*) from l), (select count(*) from p), (select count(*) from ol), (select count(*) from op),
                   (select coalesce(jsonb_agg(r), '[]') from (select r from ol order by r::text limit {Samples}) x)::text,
                   (select coalesce(jsonb_agg(r), '[]') from (select r from op order by r::text limit {Samples}) x)::text
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TableComparison(
            table, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            Rows(reader.GetString(4)), Rows(reader.GetString(5)), deterministic);
    }

    /// <summary>Snapshot ids are inlined into SET TRANSACTION SNAPSHOT, which takes no parameters: only their own shape passes.</summary>
    public static string SnapshotId(string snapshot) =>
        SnapshotShape().IsMatch(snapshot) ? snapshot : throw new InvalidOperationException($"Unexpected snapshot id '{snapshot}'.");

    private static async Task<List<string>> Columns(ProjectionContext context, string schema, string table, CancellationToken ct)
    {
        await using var command = context.Command(
            "select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task<long> Count(ProjectionContext context, string table, CancellationToken ct)
    {
        await using var command = context.Command($"select count(*) from {context.Schema}.{Quote(table)}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static List<JsonElement> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    private static async Task<bool> Exists(NpgsqlConnection connection, NpgsqlTransaction tx, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from pg_namespace where nspname = $1)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[0-9A-F]+-[0-9A-F]+-[0-9]+$")]
    private static partial Regex SnapshotShape();
}

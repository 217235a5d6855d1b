using System.Text.RegularExpressions;
using Npgsql;

namespace Grants.EventSourcing;

public static partial class SchemaMigrator
{
    /// <summary>
    /// Idempotent: applies the set's missing migrations in order, under a lock on the schema so
    /// instances starting together do not race, whichever set each of them is migrating.
    /// </summary>
    public static Task Migrate(NpgsqlDataSource dataSource, string schema, MigrationSet set, CancellationToken ct) =>
        EventStore.Guard(() => Apply(dataSource, schema, set, ct));

    private static async Task Apply(NpgsqlDataSource dataSource, string schema, MigrationSet set, CancellationToken ct)
    {
        if (!TableName().IsMatch(set.History))
        {
            throw new ArgumentException($"'{set.History}' is not a valid history table name.", nameof(set));
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('grants.schema.' || $1, 0))", connection, tx))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = schema });
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        // CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database, which a service role lacks
        // when an operator created its schema for it.
        await using (var exists = new NpgsqlCommand("select exists (select 1 from pg_namespace where nspname = $1)", connection, tx))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = schema });
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                await Execute(connection, tx, $"create schema {schema}", ct);
            }
        }

        await Execute(connection, tx, $"""
            create table if not exists {schema}.{set.History} (
                version int primary key,
                description text not null,
                applied_at timestamptz not null default now())
            """, ct);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand($"select version from {schema}.{set.History}", connection, tx))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, description, sql) in set.ForSchema(schema).Where(m => !applied.Contains(m.Version)))
        {
            await Execute(connection, tx, sql, ct);
            await using var record = new NpgsqlCommand($"insert into {schema}.{set.History} (version, description) values ($1, $2)", connection, tx);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = description });
            await record.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex TableName();
}

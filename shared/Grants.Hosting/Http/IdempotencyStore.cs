using System.Text.Json;
using Grants.EventSourcing;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Hosting.Http;

/// <summary>
/// The <c>idempotency_keys</c> table in the service's schema. A key is claimed with a random token
/// before the request runs; only the holder of that token may record the answer or let the key go.
/// </summary>
internal sealed class IdempotencyStore(NpgsqlDataSource dataSource, EventStoreOptions options, TimeProvider time)
{
    public static MigrationSet Migrations { get; } = new("idempotency_migrations", s =>
    [
        new(1, "idempotency keys", $"""
            create table {s}.idempotency_keys (
                principal text not null,
                key text not null,
                method text not null,
                path text not null,
                request_hash bytea not null,
                token uuid not null,
                status int,
                content_type text,
                headers jsonb,
                body bytea,
                created_at timestamptz not null,
                completed_at timestamptz,
                primary key (principal, key)
            );

            create index idempotency_keys_created_at on {s}.idempotency_keys (created_at);
            """),
    ]);

    private string Schema => options.Schema;

    /// <summary>
    /// Takes the key for this request unless a live record holds it. An expired record, or one whose
    /// request has been running for longer than any request may, is taken over. Each claim also
    /// purges a batch of expired records, so the table stays small without a job of its own.
    /// </summary>
    public async Task<bool> TryClaim(IdempotentRequest request, Guid token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new($"""
                    insert into {Schema}.idempotency_keys as k (principal, key, method, path, request_hash, token, created_at)
                    values ($1, $2, $3, $4, $5, $6, $7)
                    on conflict (principal, key) do update
                    set method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
                        token = excluded.token, created_at = excluded.created_at,
                        status = null, content_type = null, headers = null, body = null, completed_at = null
                    where k.created_at < $8 or (k.status is null and k.created_at < $9)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = request.Principal },
                        new() { Value = request.Key },
                        new() { Value = request.Method },
                        new() { Value = request.Path },
                        new() { Value = request.BodyHash },
                        new() { Value = token },
                        new() { Value = now },
                        new() { Value = now - IdempotencyKeys.Retention },
                        new() { Value = now - IdempotencyKeys.InProgressTimeout },
                    },
                },
                new($"""
                    delete from {Schema}.idempotency_keys
                    where ctid = any (array(select ctid from {Schema}.idempotency_keys where created_at < $1 limit 100))
                    """)
                {
                    Parameters = { new() { Value = now - IdempotencyKeys.Retention } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands[0].RecordsAffected == 1;
    }

    /// <summary>What is recorded under the key: the request that claimed it and, once it finished, its answer.</summary>
    public async Task<(IdempotentRequest Original, RecordedResponse? Response)?> Find(string principal, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select method, path, request_hash, status, content_type, headers::text, body
            from {Schema}.idempotency_keys where principal = $1 and key = $2
            """);
        command.Parameters.Add(new() { Value = principal });
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var original = new IdempotentRequest(principal, key, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2));
        var response = await reader.IsDBNullAsync(3, ct)
            ? null
            : new RecordedResponse(
                reader.GetInt32(3),
                await reader.IsDBNullAsync(4, ct) ? null : reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                reader.GetFieldValue<byte[]>(6));
        return (original, response);
    }

    public async Task Complete(IdempotentRequest request, Guid token, RecordedResponse response, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            update {Schema}.idempotency_keys
            set status = $4, content_type = $5, headers = $6, body = $7, completed_at = $8
            where principal = $1 and key = $2 and token = $3
            """);
        command.Parameters.Add(new() { Value = request.Principal });
        command.Parameters.Add(new() { Value = request.Key });
        command.Parameters.Add(new() { Value = token });
        command.Parameters.Add(new() { Value = response.Status });
        command.Parameters.Add(new() { Value = (object?)response.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(response.Headers), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = response.Body });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task Release(IdempotentRequest request, Guid token, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"delete from {Schema}.idempotency_keys where principal = $1 and key = $2 and token = $3");
        command.Parameters.Add(new() { Value = request.Principal });
        command.Parameters.Add(new() { Value = request.Key });
        command.Parameters.Add(new() { Value = token });
        await command.ExecuteNonQueryAsync(ct);
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Portal.Accounts;

/// <summary>Ready once the account tables are migrated and PostgreSQL answers.</summary>
public sealed class SchemaReady(NpgsqlDataSource db) : IHealthCheck
{
    private volatile bool _migrated;

    public bool IsMigrated => _migrated;

    public void MarkMigrated() => _migrated = true;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_migrated)
        {
            return HealthCheckResult.Unhealthy("the portal schema is not migrated yet");
        }

        try
        {
            await using var command = db.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException error)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", error);
        }
    }
}

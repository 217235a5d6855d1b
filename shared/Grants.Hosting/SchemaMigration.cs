using Grants.EventSourcing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grants.Hosting;

/// <summary>Whether this service's schema is in place; readiness stays false until it is.</summary>
public sealed class SchemaReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    internal void MarkReady() => _ready = true;
}

/// <summary>
/// Brings the event store schema, and the tables kit parts keep beside it (registered
/// <see cref="MigrationSet"/>s), up to date at start. A database that is not up yet is retried
/// with backoff instead of crashing the host, so services and PostgreSQL may start in any order.
/// </summary>
internal sealed partial class SchemaMigration(
    EventStore store, IEnumerable<MigrationSet> kitTables, SchemaReadiness readiness, ILogger<SchemaMigration> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.EnsureSchema(stoppingToken);
                foreach (var tables in kitTables)
                {
                    await store.EnsureSchema(tables, stoppingToken);
                }

                readiness.MarkReady();
                LogMigrated(logger, store.Options.Schema);
                return;
            }
            catch (EventStoreUnavailableException error)
            {
                LogRetry(logger, store.Options.Schema, delay, error.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Event store schema {Schema} is up to date.")]
    private static partial void LogMigrated(ILogger logger, string schema);

    [LoggerMessage(LogLevel.Warning, "Event store schema {Schema} could not be migrated yet, retrying in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string schema, TimeSpan delay, string reason);
}

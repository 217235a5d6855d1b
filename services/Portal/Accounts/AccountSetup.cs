using Grants.EventSourcing;

namespace Grants.Portal.Accounts;

/// <summary>
/// Brings the account tables up to date at start, retrying while PostgreSQL is not up yet, then
/// creates the demo accounts when a file for them is configured.
/// </summary>
internal sealed partial class AccountSetup(
    NpgsqlDataSource db, PortalSettings settings, AccountStore accounts, SchemaReady ready, ILogger<AccountSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SchemaMigrator.Migrate(db, settings.Schema, AccountTables.Migrations, stoppingToken);
                break;
            }
            catch (EventStoreUnavailableException error)
            {
                LogRetry(logger, delay, error.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }

        if (settings.DemoAccountsFile is { } file)
        {
            foreach (var demo in DemoAccounts.LoadOrCreate(file))
            {
                await accounts.Create(demo.UserName, demo.DisplayName, [demo.Role], demo.OrganisationId, demo.Password, stoppingToken);
            }
        }

        ready.MarkMigrated();
    }

    [LoggerMessage(LogLevel.Warning, "The portal schema could not be migrated yet, retrying in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, TimeSpan delay, string reason);
}

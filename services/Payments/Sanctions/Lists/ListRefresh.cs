using Grants.EventSourcing;
using Grants.Hosting;
using Grants.Hosting.Scheduling;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>Imports every configured list (URL or path) now; the command of the daily refresh.</summary>
public sealed record RefreshLists(DateOnly Day);

public sealed partial class ListRefresh(
    SanctionsSettings settings, ListImport import, CurrentLists lists, IHttpClientFactory http, ICommandScheduler scheduler, TimeProvider time, ILogger<ListRefresh> logger)
    : IScheduledCommandHandler<RefreshLists>
{
    public const string CommandName = "sanctions.refresh-lists";
    public const string HttpClientName = "sanctions-lists";

    public bool Scheduled => settings.Urls.Count > 0;

    /// <summary>Imports what is configured, then schedules the next day's refresh (one trigger per day: firing twice imports identical content, which changes nothing).</summary>
    public async Task Handle(RefreshLists command, ScheduledFiring firing, CancellationToken ct)
    {
        var results = await ImportConfigured(ct);
        foreach (var result in results)
        {
            LogRefreshed(logger, result.Source, result.Version, result.Imported);
        }

        await ScheduleNext(command.Day.AddDays(1), ct);
    }

    /// <summary>Whether a configured source has no version in force yet, as on a first start.</summary>
    public async Task<bool> AnyMissing(CancellationToken ct)
    {
        var inForce = await lists.Sources(ct);
        return settings.Paths.Keys.Concat(settings.Urls.Keys).Any(source => !inForce.Contains(source));
    }

    public async Task<IReadOnlyList<ListImportResult>> ImportConfigured(CancellationToken ct)
    {
        var metadata = new EventMetadata(UserId: "system", Source: "job:sanctions-refresh");
        var results = new List<ListImportResult>();
        foreach (var (source, path) in settings.Paths)
        {
            results.Add(await import.Import(await File.ReadAllBytesAsync(path, ct), path, source, metadata, ct));
        }

        foreach (var (source, url) in settings.Urls)
        {
            using var client = http.CreateClient(HttpClientName);
            results.Add(await import.Import(await client.GetByteArrayAsync(url, ct), url.ToString(), source, metadata, ct));
        }

        return results;
    }

    /// <summary>The refresh of <paramref name="day"/> at the configured time, or now if that time has passed.</summary>
    public async Task ScheduleNext(DateOnly day, CancellationToken ct)
    {
        var at = new DateTimeOffset(day.ToDateTime(settings.RefreshAtUtc), TimeSpan.Zero);
        var now = time.GetUtcNow();
        await scheduler.Schedule($"sanctions-refresh-{day:yyyy-MM-dd}", new RefreshLists(day), at < now ? now : at, ct);
    }

    [LoggerMessage(LogLevel.Information, "Sanctions list {Source} refreshed: version {Version}, new: {Imported}.")]
    private static partial void LogRefreshed(ILogger logger, string source, string version, bool imported);
}

/// <summary>
/// At start, imports the configured list files and, when URLs are configured, schedules the refresh:
/// today's if it has not run yet (a missed day is caught up at once), else tomorrow's. A configured
/// source with no version yet is imported at once, not hours later at the refresh time: until then
/// every payment would wait as unscreened.
/// </summary>
public sealed partial class ListRefreshStartup(
    SchemaReadiness schema, SchedulerReadiness scheduler, IServiceProvider services, TimeProvider time, ILogger<ListRefreshStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!schema.IsReady || !scheduler.IsReady)
        {
            await Task.Delay(100, stoppingToken);
        }

        await using var scope = services.CreateAsyncScope();
        var refresh = scope.ServiceProvider.GetRequiredService<ListRefresh>();
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (!refresh.Scheduled)
            {
                await refresh.ImportConfigured(stoppingToken);
            }
            else if (await refresh.AnyMissing(stoppingToken))
            {
                await refresh.ImportConfigured(stoppingToken);
                await refresh.ScheduleNext(today.AddDays(1), stoppingToken);
            }
            else
            {
                await refresh.ScheduleNext(today, stoppingToken);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bad configured file must not stop the service: finance can still upload a list.
            LogFailed(logger, error);
        }
    }

    [LoggerMessage(LogLevel.Error, "The configured sanctions lists could not be imported at start.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

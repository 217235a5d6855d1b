using Grants.EventSourcing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace Grants.Hosting.Scheduling;

/// <summary>
/// Creates or completes the scheduler's tables, then starts the scheduler; shuts it down with the
/// host. A database that is not up yet is retried with backoff, as the event store's migration is.
/// </summary>
internal sealed partial class SchedulerStartup(
    NpgsqlDataSource dataSource,
    SchedulerSettings settings,
    ISchedulerFactory schedulers,
    SchedulerReadiness readiness,
    ILogger<SchedulerStartup> logger) : BackgroundService
{
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await SchedulerTables.Ensure(dataSource, settings.Schema, settings.SchedulerName, stoppingToken);
                break;
            }
            catch (Exception error) when (error is EventStoreUnavailableException or NpgsqlException { IsTransient: true })
            {
                LogRetry(logger, settings.SchedulerName, delay, error.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }

        _scheduler = await schedulers.GetScheduler(stoppingToken);
        await _scheduler.Start(stoppingToken);
        readiness.Set(true);
        LogStarted(logger, settings.SchedulerName, _scheduler.SchedulerInstanceId);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        readiness.Set(false);
        if (Interlocked.Exchange(ref _scheduler, null) is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Scheduler {Scheduler} started as instance {InstanceId}.")]
    private static partial void LogStarted(ILogger logger, string scheduler, string instanceId);

    [LoggerMessage(LogLevel.Warning, "Scheduler {Scheduler} could not prepare its tables yet, retrying in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string scheduler, TimeSpan delay, string reason);
}

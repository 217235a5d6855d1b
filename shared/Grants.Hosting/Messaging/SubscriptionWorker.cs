using Grants.EventSourcing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grants.Hosting.Messaging;

/// <summary>Keeps an asynchronous projection running for the life of the service, backing off while the database or broker is away.</summary>
public sealed partial class SubscriptionWorker(Subscription subscription, SchemaReadiness schema, ILogger<SubscriptionWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schema.IsReady || await subscription.RunOnce(stoppingToken) == 0)
                {
                    await Task.Delay(IdleDelay, stoppingToken);
                }

                backoff = TimeSpan.FromMilliseconds(200);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogFailed(logger, subscription.Name, backoff, error);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Subscription {Name} failed; its batch will be retried in {Backoff}.")]
    private static partial void LogFailed(ILogger logger, string name, TimeSpan backoff, Exception error);
}

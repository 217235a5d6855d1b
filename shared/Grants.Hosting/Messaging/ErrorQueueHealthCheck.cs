using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Messages that failed every retry wait in the consumers' _error queues for an operator. They do
/// not make the service unready (a restart would not help), but they are reported, with counts.
/// </summary>
internal sealed class ErrorQueueHealthCheck(ServiceSettings settings, GrantsMessaging messaging) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (messaging.Queues.Count == 0)
        {
            return HealthCheckResult.Healthy("This service consumes no messages.");
        }

        var factory = new ConnectionFactory { Uri = settings.RabbitMq, ClientProvidedName = $"{settings.ServiceName}-error-queues" };
        var waiting = new Dictionary<string, object>();
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        foreach (var queue in messaging.Queues.Select(q => q + "_error"))
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                if (declared.MessageCount > 0)
                {
                    waiting[queue] = declared.MessageCount;
                }
            }
            catch (OperationInterruptedException)
            {
                // No such queue: nothing has ever failed there.
            }
        }

        return waiting.Count == 0
            ? HealthCheckResult.Healthy("No failed messages.")
            : HealthCheckResult.Degraded(
                $"{waiting.Values.Sum(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))} failed messages wait in: " +
                string.Join(", ", waiting.Select(w => $"{w.Key} ({w.Value})")),
                data: waiting);
    }
}

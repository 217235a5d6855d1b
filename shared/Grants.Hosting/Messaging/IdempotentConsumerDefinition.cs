using Grants.Contracts;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Endpoint policy for every consumer: messages of one correlation (one application) are handled
/// one at a time in arrival order; failures are retried with exponential backoff, then moved to
/// the endpoint's _error queue so the messages behind them keep flowing.
/// </summary>
public sealed class IdempotentConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<TMessage>
    where TMessage : IntegrationEvent
{
    public const int Partitions = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.Message<TMessage>(message => message.UsePartitioner(Partitions, c => c.Message.CorrelationId));
        // The consumer's pipe runs inside the partition: while a message waits for its next attempt,
        // the messages behind it with the same correlation wait too, so a retry never reorders them.
        consumerConfigurator.UseMessageRetry(r => r.Exponential(
            MessagingSettings.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}

using Grants.Contracts;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Endpoint policy for every consumer: one message at a time per instance, in queue order, retried
/// with exponential backoff, then moved to the endpoint's _error queue so the messages behind it flow
/// again. Measured: with a partitioner keyed by correlation and 32 in flight, two messages of one
/// stream sometimes overtook each other before reaching their partition; consumers here must see a
/// stream's messages in version order, so concurrency comes from more instances, not from more
/// messages in flight.
/// </summary>
public sealed class IdempotentConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<TMessage>
    where TMessage : IntegrationEvent
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = 1;
        consumerConfigurator.UseMessageRetry(r => r.Exponential(
            MessagingSettings.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}

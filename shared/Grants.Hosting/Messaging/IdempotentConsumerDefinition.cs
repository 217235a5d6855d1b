using Grants.Contracts;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Policy for every partition queue of a consumer: many messages in flight, put back in the relay's
/// order by the partition's sequencer (the dispatch order of MassTransit is not the queue order once
/// more than one message is in flight: measured with its partitioner, two messages of one stream
/// overtook each other), retried with exponential backoff, then moved to the queue's _error queue so
/// the messages behind it flow again.
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
        endpointConfigurator.ConcurrentMessageLimit = MessagingSettings.PartitionMessagesInFlight;
        consumerConfigurator.UseMessageRetry(r => r.Exponential(
            MessagingSettings.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}

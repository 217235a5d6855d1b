using Grants.Contracts;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Policy for every partition queue of a consumer: one message at a time, in queue order, retried
/// with exponential backoff, then moved to the queue's _error queue so the messages behind it flow
/// again. Measured: MassTransit's in-process partitioner with 32 messages in flight let two messages
/// of one stream overtake each other before reaching their partition; the parallelism comes from
/// the partition queues instead (<see cref="GrantsMessaging"/>).
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

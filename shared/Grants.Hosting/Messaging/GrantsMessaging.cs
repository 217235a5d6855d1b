using Grants.Contracts;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>What a service publishes (its integration map) and what it consumes.</summary>
public sealed class GrantsMessaging(IEndpointNameFormatter endpointNames)
{
    /// <summary>Queues are named after the service and the consumer, in kebab case: applications-funding-decided.</summary>
    public static GrantsMessaging For(string serviceName) =>
        new(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));

    private readonly List<Action<IBusRegistrationConfigurator>> _consumers = [];
    private readonly List<string> _queues = [];

    public IntegrationMap Map { get; } = new();

    internal IReadOnlyList<Action<IBusRegistrationConfigurator>> Consumers => _consumers;

    internal IEndpointNameFormatter EndpointNames => endpointNames;

    /// <summary>The consumers' queue names, whose _error queues operators must see.</summary>
    public IReadOnlyList<string> Queues => _queues;

    public GrantsMessaging Consume<TConsumer, TMessage>()
        where TConsumer : IdempotentConsumer<TMessage>
        where TMessage : IntegrationEvent
    {
        _consumers.Add(x => x.AddConsumer<TConsumer, IdempotentConsumerDefinition<TConsumer, TMessage>>());
        _queues.Add(endpointNames.Consumer<TConsumer>());
        return this;
    }
}

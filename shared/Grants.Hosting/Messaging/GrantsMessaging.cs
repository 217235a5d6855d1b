using System.Globalization;
using Grants.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace Grants.Hosting.Messaging;

/// <summary>
/// What a service publishes and consumes. Every contract goes to a direct exchange with a routing
/// key that is its correlation's partition; each consumer has one queue per partition, consumed by a
/// single active consumer across instances, which handles its messages in the relay's order. So one
/// application's messages are handled in the order they were published, while different
/// applications proceed in parallel.
/// </summary>
public sealed class GrantsMessaging(IEndpointNameFormatter endpointNames)
{
    public const int Partitions = 8;

    private readonly List<Action<IBusRegistrationConfigurator>> _consumers = [];
    private readonly List<Action<IRabbitMqBusFactoryConfigurator, IBusRegistrationContext>> _endpoints = [];
    private readonly Dictionary<Type, Action<IRabbitMqBusFactoryConfigurator>> _contracts = [];
    private readonly List<string> _queues = [];

    /// <summary>Queues are named after the service, the consumer and the partition: payments-funding-decided-3.</summary>
    public static GrantsMessaging For(string serviceName) =>
        new(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));

    public IntegrationMap Map { get; } = new();

    /// <summary>The consumers' queue names, whose _error queues operators must see.</summary>
    public IReadOnlyList<string> Queues => _queues;

    internal IReadOnlyList<Action<IBusRegistrationConfigurator>> Consumers => _consumers;

    internal IReadOnlyList<Action<IRabbitMqBusFactoryConfigurator, IBusRegistrationContext>> Endpoints => _endpoints;

    internal IEnumerable<Action<IRabbitMqBusFactoryConfigurator>> Contracts => _contracts.Values;

    internal IEndpointNameFormatter EndpointNames => endpointNames;

    /// <summary>Maps a domain event to the contract it leaves the service as; return null to keep an event inside.</summary>
    public GrantsMessaging Publish<TEvent, TContract>(Func<TEvent, EventSourcing.StoredEvent, TContract?> map)
        where TContract : IntegrationEvent
    {
        Map.Publish<TEvent>((e, stored) => map(e, stored));
        Partitioned<TContract>();
        return this;
    }

    public GrantsMessaging Consume<TConsumer, TMessage>()
        where TConsumer : IdempotentConsumer<TMessage>
        where TMessage : IntegrationEvent
    {
        Partitioned<TMessage>();
        _consumers.Add(x => x.AddConsumer<TConsumer, IdempotentConsumerDefinition<TConsumer, TMessage>>().ExcludeFromConfigureEndpoints());
        var queue = endpointNames.Consumer<TConsumer>();
        var partitions = Enumerable.Range(0, Partitions).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        _queues.AddRange(partitions.Select(p => $"{queue}-{p}"));
        _endpoints.Add((bus, context) =>
        {
            foreach (var partition in partitions)
            {
                bus.ReceiveEndpoint($"{queue}-{partition}", endpoint =>
                {
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.SetQuorumQueue();
                    endpoint.SingleActiveConsumer = true;
                    endpoint.PrefetchCount = MessagingSettings.PartitionMessagesInFlight;
                    endpoint.Bind<TMessage>(binding =>
                    {
                        binding.ExchangeType = ExchangeType.Direct;
                        binding.RoutingKey = partition;
                    });
                    endpoint.ConfigureConsumer<TConsumer>(context);
                });
            }
        });
        return this;
    }

    /// <summary>The partition of a correlation: stable across processes and releases.</summary>
    public static string PartitionOf(Guid correlationId)
    {
        Span<byte> bytes = stackalloc byte[16];
        correlationId.TryWriteBytes(bytes, bigEndian: true, out _);
        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]) % Partitions).ToString(CultureInfo.InvariantCulture);
    }

    private void Partitioned<TContract>()
        where TContract : IntegrationEvent =>
        _contracts.TryAdd(typeof(TContract), bus =>
        {
            bus.Publish<TContract>(p => p.ExchangeType = ExchangeType.Direct);
            bus.Send<TContract>(s => s.UseRoutingKeyFormatter(c => PartitionOf(c.Message.CorrelationId)));
        });
}

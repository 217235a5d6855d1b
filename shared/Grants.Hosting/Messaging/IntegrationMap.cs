using Grants.Contracts;
using Grants.EventSourcing;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Which domain events leave the service, and as which contract. Only mapped events are published;
/// internal domain events never reach the bus (DESIGN 5).
/// </summary>
public sealed class IntegrationMap
{
    private readonly Dictionary<Type, Func<object, StoredEvent, IntegrationEvent?>> _maps = [];

    /// <summary>Maps a domain event to a contract; services declare it through <see cref="GrantsMessaging.Publish{TEvent, TContract}"/>.</summary>
    internal IntegrationMap Publish<TEvent>(Func<TEvent, StoredEvent, IntegrationEvent?> map)
    {
        _maps[typeof(TEvent)] = (e, stored) => map((TEvent)e, stored);
        return this;
    }

    /// <summary>The domain events that may leave the service.</summary>
    public IEnumerable<Type> EventTypes => _maps.Keys;

    /// <summary>The contract for a stored event with its envelope stamped, or null when it stays inside.</summary>
    public IntegrationEvent? Map(StoredEvent stored)
    {
        if (!_maps.TryGetValue(stored.Data.GetType(), out var map) || map(stored.Data, stored) is not { } contract)
        {
            return null;
        }

        return contract with
        {
            MessageId = MessageIds.For(stored.StreamId, stored.Version),
            CorrelationId = contract.CorrelationId != Guid.Empty ? contract.CorrelationId : stored.Metadata.CorrelationId ?? stored.StreamId,
            CausationId = stored.Id,
            OccurredAt = stored.Timestamp,
        };
    }
}

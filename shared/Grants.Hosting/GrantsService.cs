using Grants.EventSourcing;
using Grants.Hosting.Audit;
using Grants.Hosting.Messaging;

namespace Grants.Hosting;

/// <summary>What a service declares about itself at start: its event types and projections, what it publishes and consumes, how auditors see its streams.</summary>
public sealed class GrantsService(EventStoreOptions store, GrantsMessaging messaging)
{
    public EventStoreOptions Store => store;

    public GrantsMessaging Messaging => messaging;

    public GrantsAudit Audit { get; } = new();
}

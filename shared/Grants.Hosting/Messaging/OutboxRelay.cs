using Grants.EventSourcing;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// The outbox is the event log: this projection publishes the mapped contracts of each batch and
/// is run by a <see cref="Subscription"/>, so its checkpoint (and the numbering of
/// <see cref="RelaySequences"/>) only moves in the same transaction after every publish of the
/// batch was confirmed by the broker, and only one instance relays at a time. A crash between
/// confirm and checkpoint re-publishes with the same message ids and numbers; consumers dedupe.
/// </summary>
internal sealed class OutboxRelay(IntegrationMap map, IBus bus, EventStoreOptions options) : IProjection
{
    public const string ProjectionName = "outbox-relay";

    public string Name => ProjectionName;

    /// <summary>Only the mapped events are read: most of a service's log never leaves it.</summary>
    public IReadOnlySet<string>? EventTypes { get; } = map.EventTypes.Select(options.Types.NameOf).ToHashSet(StringComparer.Ordinal);

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var contracts = events.Select(map.Map).OfType<Grants.Contracts.IntegrationEvent>().ToList();
        if (contracts.Count == 0)
        {
            return;
        }

        var sequences = await RelaySequences.Read(context, ct);
        var numbered = contracts.Select(c => (Contract: c, Sequence: sequences.Next(c))).ToList();
        // Published concurrently, their confirms awaited together: the consumers restore the order
        // from the numbers. The window bounds how far a message can fall behind later ones, which
        // must stay below what a consumer holds in flight (MessagingSettings).
        using var window = new SemaphoreSlim(MessagingSettings.RelayPublishesInFlight);
        await Task.WhenAll(numbered.Select(async m =>
        {
            await window.WaitAsync(ct);
            try
            {
                await bus.Publish(m.Contract, m.Contract.GetType(), send =>
                {
                    send.MessageId = m.Contract.MessageId;
                    send.Headers.Set(RelaySequences.Header, m.Sequence);
                }, ct);
            }
            finally
            {
                window.Release();
            }
        }));
        await sequences.Write(context, ct);
    }

    /// <summary>Rebuilding the relay re-publishes the whole log under new numbers; consumers' inboxes make that harmless.</summary>
    public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}

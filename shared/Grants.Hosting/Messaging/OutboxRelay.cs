using Grants.EventSourcing;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// The outbox is the event log: this projection publishes the mapped contracts of each batch and
/// run by a <see cref="Subscription"/>, so its checkpoint only moves in the same transaction after
/// every publish of the batch was confirmed by the broker, and only one instance relays at a time.
/// A crash between confirm and checkpoint re-publishes with the same message ids; consumers dedupe.
/// </summary>
internal sealed class OutboxRelay(IntegrationMap map, IBus bus) : IProjection
{
    public const string ProjectionName = "outbox-relay";

    public string Name => ProjectionName;

    public Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        // Streams are independent, so they are published concurrently; a stream's own messages go
        // one after the other, so its consumers see them in version order.
        var streams = events
            .Select(e => (e.StreamId, Contract: map.Map(e)))
            .Where(m => m.Contract is not null)
            .GroupBy(m => m.StreamId, m => m.Contract!);
        return Task.WhenAll(streams.Select(async stream =>
        {
            foreach (var contract in stream)
            {
                await bus.Publish(contract, contract.GetType(), send => send.MessageId = contract.MessageId, ct);
            }
        }));
    }

    /// <summary>Rebuilding the relay re-publishes the whole log; consumers' inboxes make that harmless.</summary>
    public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}

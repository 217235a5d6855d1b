using Grants.Contracts;
using Grants.EventSourcing;
using Grants.Hosting.Messaging;

namespace Grants.Messaging.Tests;

/// <summary>On the publishing side: a counter that ticks.</summary>
public sealed record Ticked(int N);

/// <summary>The contract the publisher maps its ticks to.</summary>
public sealed record TickRelayed : IntegrationEvent
{
    public required Guid Counter { get; init; }

    public required long Version { get; init; }

    public bool Poison { get; init; }
}

/// <summary>On the consuming side: one effect per relayed tick, appended to a tally stream per counter.</summary>
public sealed record TickCounted(long SourceVersion);

public sealed record Tally(IReadOnlyList<long> Versions) : IEventSourced<Tally>
{
    public static Tally Initial { get; } = new([]);

    public static Tally Evolve(Tally state, object @event) =>
        @event is TickCounted c ? new Tally([.. state.Versions, c.SourceVersion]) : state;
}

public sealed class TallyConsumer(EventStore store) : IdempotentConsumer<TickRelayed>(store)
{
    protected override string ConsumerName => "tally";

    protected override async Task Handle(TickRelayed message, EventSession session, CancellationToken ct)
    {
        if (message.Poison)
        {
            throw new InvalidOperationException($"tick {message.Version} of {message.Counter} cannot be counted");
        }

        var tally = await session.FetchForWriting<Tally>(message.Counter, ct);
        if (tally.State.Versions.Contains(message.Version))
        {
            // Like a decider refusing a repeated command: a redelivery must still be acknowledged.
            throw new InvalidOperationException($"tick {message.Version} of {message.Counter} was counted already");
        }

        if (tally.Version == 0)
        {
            session.StartStream(message.Counter, "tally", new TickCounted(message.Version));
        }
        else
        {
            session.Append(message.Counter, tally.Version, new TickCounted(message.Version));
        }
    }
}

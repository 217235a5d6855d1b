using Grants.Contracts;
using Grants.EventSourcing;
using Grants.Hosting;
using Grants.Hosting.Messaging;

namespace Grants.Bench;

/// <summary>The contract a paid tranche leaves the publishing service as.</summary>
public sealed record TranchePaymentRecorded : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required long Version { get; init; }

    public required Money Amount { get; init; }
}

/// <summary>What the consuming service appends for each message it handles.</summary>
public sealed record PaymentCounted(long SourceVersion, decimal Amount);

public sealed record PaymentsSeen(long Count) : IEventSourced<PaymentsSeen>
{
    public static PaymentsSeen Initial { get; } = new(0);

    public static PaymentsSeen Evolve(PaymentsSeen state, object @event) => @event is PaymentCounted ? new(state.Count + 1) : state;
}

public sealed class PaymentCounter(EventStore store) : IdempotentConsumer<TranchePaymentRecorded>(store)
{
    protected override string ConsumerName => "payment-counter";

    protected override async Task Handle(TranchePaymentRecorded message, EventSession session, CancellationToken ct)
    {
        var seen = await session.FetchForWriting<PaymentsSeen>(message.GrantId, ct);
        var counted = new PaymentCounted(message.Version, message.Amount.Amount);
        if (seen.Version == 0)
        {
            session.StartStream(message.GrantId, "payments-seen", counted);
        }
        else
        {
            session.Append(message.GrantId, seen.Version, counted);
        }
    }
}

internal static class MessagingServices
{
    public static void Publisher(GrantsService service)
    {
        service.Store.Types.Register<TranchePaid>(BenchEvents.Type);
        service.Messaging.Publish<TranchePaid, TranchePaymentRecorded>((paid, stored) => new TranchePaymentRecorded
        {
            GrantId = stored.StreamId,
            Version = stored.Version,
            Amount = new Money(paid.Amount, paid.Currency),
        });
    }

    public static void Consumer(GrantsService service)
    {
        service.Store.Types.Register<PaymentCounted>("bench.payment_counted");
        service.Messaging.Consume<PaymentCounter, TranchePaymentRecorded>();
    }
}

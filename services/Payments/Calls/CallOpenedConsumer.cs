using Grants.Contracts.Calls;
using Grants.Hosting.Messaging;

namespace Grants.Payments.Calls;

public sealed class CallOpenedConsumer(EventStore store) : IdempotentConsumer<CallOpened>(store)
{
    protected override string ConsumerName => "payments.call-opened";

    protected override async Task Handle(CallOpened message, EventSession session, CancellationToken ct)
    {
        var call = await session.FetchForWriting<PaymentCall>(message.CallId, ct);
        var rules = message.Rules;
        var events = PaymentCall.Decide(
            new CallRulesRecorded(message.CallId, message.Reference, message.Title, rules.Envelope, rules.TimeZone, rules.RulesVersion, rules.Payments),
            call.State);
        session.Write(message.CallId, "call", call.Version, events);
    }
}

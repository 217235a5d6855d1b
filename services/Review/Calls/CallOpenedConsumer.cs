using Grants.Contracts.Calls;
using Grants.Hosting.Messaging;
using Grants.Review.Api;

namespace Grants.Review.Calls;

/// <summary>Keeps the call's rules: criteria, weights, thresholds, reviewers per application, envelope.</summary>
public sealed class CallOpenedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<CallOpened>(store)
{
    protected override string ConsumerName => "review-call-opened";

    protected override async Task Handle(CallOpened message, EventSession session, CancellationToken ct)
    {
        var call = await session.FetchForWriting<CallReview>(message.CallId, ct);
        session.Write(call, Streams.Call,
            CallDecider.Decide(new RecordCallRules(message.CallId, message.Reference, message.Title, message.Rules, time.GetUtcNow()), call.State));
    }
}

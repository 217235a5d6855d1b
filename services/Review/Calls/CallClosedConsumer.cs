using Grants.Contracts.Calls;
using Grants.Hosting.Messaging;
using Grants.Review.Api;

namespace Grants.Review.Calls;

public sealed class CallClosedConsumer(EventStore store) : IdempotentConsumer<CallClosed>(store)
{
    protected override string ConsumerName => "review-call-closed";

    /// <summary>A close that overtakes its call's opening fails with call.unknown and is retried until the opening is in.</summary>
    protected override async Task Handle(CallClosed message, EventSession session, CancellationToken ct)
    {
        var call = await session.FetchForWriting<CallReview>(message.CallId, ct);
        session.Write(call, Streams.Call, CallDecider.Decide(new CloseCall(message.ClosedAt), call.State));
    }
}

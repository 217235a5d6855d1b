using Grants.Contracts.Applications;
using Grants.Hosting.Messaging;
using Grants.Review.Api;
using Grants.Review.Calls;

namespace Grants.Review.Cases;

/// <summary>A withdrawn application's case is cancelled; an award it held goes back to the envelope.</summary>
public sealed class ApplicationWithdrawnConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<ApplicationWithdrawn>(store)
{
    protected override string ConsumerName => "review-application-withdrawn";

    protected override async Task Handle(ApplicationWithdrawn message, EventSession session, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reason = $"Withdrawn: {message.Reason}";
        var reviewCase = await session.FetchForWriting<ReviewCase>(message.ApplicationId, ct);
        var call = await session.FetchForWriting<CallReview>(message.CallId, ct);
        session.Write(reviewCase, Streams.Case, ReviewCaseDecider.Decide(new CancelCase(reason, now), reviewCase.State));
        session.Write(call, Streams.Call, call.Version == 0 ? [] : CallDecider.Decide(
            new RemoveFromReview(message.ApplicationId, reason, message.WithdrawnBy, now), call.State));
    }
}

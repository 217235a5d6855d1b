using Grants.Contracts.Applications;
using Grants.Hosting.Messaging;
using Grants.Review.Api;
using Grants.Review.Calls;

namespace Grants.Review.Cases;

/// <summary>
/// An eligible application becomes a review case, and enters its call's competition, unless it was
/// withdrawn first; one found ineligible after all (an officer's override) leaves it again. A decision that overtakes its
/// call's opening fails with call.unknown and is retried until the opening is in.
/// </summary>
public sealed class EligibilityDecidedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<ApplicationEligibilityDecided>(store)
{
    protected override string ConsumerName => "review-eligibility-decided";

    protected override async Task Handle(ApplicationEligibilityDecided message, EventSession session, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var call = await session.FetchForWriting<CallReview>(message.CallId, ct);
        var reviewCase = await session.FetchForWriting<ReviewCase>(message.ApplicationId, ct);
        if (!message.Eligible)
        {
            var reason = message.Reasons.Count > 0 ? string.Join("; ", message.Reasons) : "Found ineligible.";
            session.Write(reviewCase, Streams.Case, reviewCase.Version == 0 ? [] : ReviewCaseDecider.Decide(new CancelCase(reason, now), reviewCase.State));
            if (call.Version > 0)
            {
                var by = message.DecidedBy ?? new Actor(ReviewCaseDecider.System, "system");
                session.Write(call, Streams.Call, CallDecider.Decide(new RemoveFromReview(message.ApplicationId, reason, by, now), call.State));
            }

            return;
        }

        if (reviewCase.State.Status == CaseStatus.Cancelled)
        {
            return;
        }

        var rules = call.State.Known;
        session.Write(reviewCase, Streams.Case, ReviewCaseDecider.Decide(
            new OpenCase(message.ApplicationId, message.CallId, message.OrganisationId, message.Theme, message.RequestedAmount,
                message.ContentHash, message.SubmittedAt, rules.Review, now),
            reviewCase.State));
        session.Write(call, Streams.Call, CallDecider.Decide(
            new EnterApplication(message.ApplicationId, message.OrganisationId, message.RequestedAmount, message.SubmittedAt), call.State));
    }
}

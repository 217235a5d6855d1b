using Grants.Contracts.Calls;

namespace Grants.Review.Calls;

public static class CallsRegistration
{
    public static GrantsService AddCalls(this GrantsService service)
    {
        service.Store.Types
            .Register<CallRulesRecorded>("review.call_rules_recorded")
            .Register<CallClosedForSubmissions>("review.call_closed")
            .Register<ReviewerEnlisted>("review.reviewer_enlisted")
            .Register<ApplicationEnteredReview>("review.application_entered")
            .Register<ApplicationReviewed>("review.application_reviewed")
            .Register<ApplicationLeftReview>("review.application_left")
            .Register<ComplaintRecorded>("review.complaint_recorded")
            .Register<ComplaintResolved>("review.complaint_resolved")
            .Register<FundingDecisionProposed>("review.funding_proposed")
            .Register<FundingDecisionConfirmed>("review.funding_confirmed")
            .Register<AwardGivenUp>("review.award_given_up");
        service.Audit.State<CallReview>(Api.Streams.Call);
        service.Messaging.Consume<CallOpenedConsumer, CallOpened>();
        service.Messaging.Consume<CallClosedConsumer, CallClosed>();
        return service;
    }
}

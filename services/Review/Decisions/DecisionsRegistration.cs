using Grants.Contracts.Funding;
using Grants.Review.Calls;

namespace Grants.Review.Decisions;

public static class DecisionsRegistration
{
    /// <summary>Only confirmed decisions leave the service: proposals stay inside until a second person agrees.</summary>
    public static GrantsService AddDecisions(this GrantsService service)
    {
        service.Messaging.Publish<FundingDecisionConfirmed, FundingDecided>((e, _) => new FundingDecided
        {
            CorrelationId = e.ApplicationId,
            ApplicationId = e.ApplicationId,
            CallId = e.CallId,
            OrganisationId = e.OrganisationId,
            Outcome = e.Outcome,
            Amount = e.Amount,
            Reasons = e.Reasons,
            ProposedBy = e.ProposedBy,
            ApprovedBy = e.ApprovedBy,
            RulesVersion = e.RulesVersion,
        });
        service.Messaging.Publish<AwardGivenUp, AwardReleased>((e, _) => new AwardReleased
        {
            CorrelationId = e.ApplicationId,
            ApplicationId = e.ApplicationId,
            CallId = e.CallId,
            OrganisationId = e.OrganisationId,
            Amount = e.Amount,
            Reason = e.Reason,
            ReleasedBy = e.By,
        });
        return service;
    }
}

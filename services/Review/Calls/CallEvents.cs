using Grants.Contracts.Funding;
using Grants.Review.Cases;

namespace Grants.Review.Calls;

/// <summary>The rules of the call as they were when it opened; every later decision on the call is made under them.</summary>
public sealed record CallRulesRecorded(
    Guid CallId,
    string Reference,
    string Title,
    int RulesVersion,
    IReadOnlyList<string> Themes,
    CaseRules Review,
    Money Envelope,
    DateTimeOffset At);

public sealed record CallClosedForSubmissions(DateTimeOffset ClosedAt);

public sealed record PoolReviewer(string ReviewerId, string Name, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages);

public sealed record ReviewerEnlisted(PoolReviewer Reviewer, string By, DateTimeOffset At);

public sealed record ApplicationEnteredReview(Guid ApplicationId, Guid OrganisationId, Money RequestedAmount, DateTimeOffset SubmittedAt);

public sealed record ApplicationReviewed(Guid ApplicationId, decimal WeightedScore, bool AllThresholdsPassed);

public sealed record ApplicationLeftReview(Guid ApplicationId, string Reason);

public sealed record ComplaintRecorded(Guid ComplaintId, Guid ApplicationId, string Complaint, Actor By, DateTimeOffset At);

public sealed record ComplaintResolved(Guid ComplaintId, Guid ApplicationId, string Resolution, Actor By, DateTimeOffset At);

public sealed record FundingDecisionProposed(
    Guid ApplicationId, FundingOutcome Outcome, Money? Amount, IReadOnlyList<string> Reasons, Actor ProposedBy, DateTimeOffset At);

/// <summary>The decision as confirmed by a second person; only this leaves the service, as FundingDecided.</summary>
public sealed record FundingDecisionConfirmed(
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    FundingOutcome Outcome,
    Money? Amount,
    IReadOnlyList<string> Reasons,
    Actor ProposedBy,
    Actor ApprovedBy,
    int RulesVersion,
    DateTimeOffset At);

/// <summary>An award that will not be taken up; its amount returns to the envelope.</summary>
public sealed record AwardGivenUp(Guid ApplicationId, Guid CallId, Guid OrganisationId, Money Amount, string Reason, Actor By, DateTimeOffset At);

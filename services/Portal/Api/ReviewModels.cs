using Grants.Contracts;

namespace Grants.Portal.Api;

// What the portal reads of the Review API.

public sealed record PoolReviewer(string ReviewerId, string Name, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages);

public sealed record ReviewCallView(
    Guid CallId, string Reference, string Title, string Phase, IReadOnlyList<string> Themes, IReadOnlyList<Criterion> Criteria, decimal OverallThreshold,
    int ReviewersPerApplication, Money Envelope, decimal Awarded, IReadOnlyList<PoolReviewer> Pool, int InReview, int Reviewed, int Cancelled);

public sealed record CaseSummary(Guid ApplicationId, Guid OrganisationId, string Status, int Reviewers);

public sealed record AssignedCase(Guid ApplicationId, Guid CallId, string Status, DateTimeOffset DueAt);

public sealed record CriterionMark(string Criterion, int Score, string Comment);

public sealed record AssignmentView(string ReviewerId, DateTimeOffset DueAt, bool Declared, bool Reminded, bool Overdue, IReadOnlyList<CriterionMark>? Sheet);

public sealed record CaseRules(IReadOnlyList<Criterion> Criteria, decimal OverallThreshold, int ReviewersNeeded);

public sealed record ConsensusScore(string Criterion, decimal Score, bool PassedThreshold);

public sealed record CaseOutcome(IReadOnlyList<ConsensusScore> Scores, decimal WeightedScore, bool AllThresholdsPassed);

public sealed record CaseView(
    Guid ApplicationId, Guid CallId, Guid OrganisationId, string Status, string Theme, Money RequestedAmount, string ContentHash, DateTimeOffset SubmittedAt,
    IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<string> Conflicted, CaseRules? Rules = null, CaseOutcome? Outcome = null);

public sealed record ReviewerCaseView(
    Guid ApplicationId, Guid OrganisationId, bool DeclarationRequired, string Status, DateTimeOffset DueAt, string? Theme, Money? RequestedAmount,
    string? ContentHash, IReadOnlyList<Criterion>? Criteria, IReadOnlyList<CriterionMark>? MySheet);

public sealed record CallAssignmentResult(IReadOnlyList<Guid> Assigned, IReadOnlyList<Guid> StillShort);

public sealed record RankedApplication(
    int Rank, Guid ApplicationId, decimal WeightedScore, bool PassedThresholds, DateTimeOffset SubmittedAt, Money RequestedAmount, Money Amount,
    decimal RunningTotal, bool WithinEnvelope, string? Proposed, string? Decided, bool Blocked);

public sealed record CallRanking(Guid CallId, Money Envelope, decimal Awarded, decimal Remaining, IReadOnlyList<RankedApplication> Applications);

public sealed record AssessmentLine(string Line, Money Budgeted, Money Spent, bool Overspent);

public sealed record LineJustification(string Line, string Justification);

public sealed record AssessmentView(
    Guid ReportId, Guid ApplicationId, string Kind, string Status, DateOnly PeriodEnd, Money DeclaredSpending, DateTimeOffset SubmittedAt,
    IReadOnlyList<AssessmentLine> Lines, IReadOnlyList<LineJustification> Justifications);

public sealed record ConsensusMark(string Criterion, decimal Score, string Justification);

public sealed record ComplaintView(Guid ComplaintId, Guid ApplicationId, string Complaint, DateTimeOffset At);

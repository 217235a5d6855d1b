namespace Grants.Review.Cases;

/// <summary>A criterion of the call: its weight in the overall score and the lowest consensus score that passes.</summary>
public sealed record Criterion(string Name, decimal Weight, int Threshold);

/// <summary>The review rules of the call, copied onto each case so its decisions can be replayed without the call.</summary>
public sealed record CaseRules(IReadOnlyList<Criterion> Criteria, decimal OverallThreshold, int ReviewersNeeded, int ReviewPeriodDays);

public sealed record ReviewCaseOpened(
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    string Theme,
    Money RequestedAmount,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    CaseRules Rules,
    DateTimeOffset At);

public sealed record ReviewerAssigned(string ReviewerId, DateTimeOffset DueAt, string AssignedBy, DateTimeOffset At);

public enum RemovalKind
{
    ConflictOfInterest,
    Reassigned,
    Overdue,
}

public sealed record ReviewerRemoved(string ReviewerId, RemovalKind Kind, string Reason, string RemovedBy, DateTimeOffset At);

public sealed record NoConflictDeclared(string ReviewerId, Guid OrganisationId, DateTimeOffset At);

public sealed record ConflictDeclared(string ReviewerId, Guid OrganisationId, string Reason, DateTimeOffset At);

public sealed record CriterionMark(string Criterion, int Score, string Comment);

/// <summary>A reviewer's sheet, pinned to the content hash they scored; a later one from the same reviewer amends it.</summary>
public sealed record ScoreSheetSubmitted(string ReviewerId, string ContentHash, IReadOnlyList<CriterionMark> Marks, bool Amended, DateTimeOffset At);

public sealed record ConsensusRequired(IReadOnlyList<string> DivergentCriteria, DateTimeOffset At);

public sealed record ConsensusMark(string Criterion, decimal Score, string Justification);

public sealed record ConsensusRecorded(IReadOnlyList<ConsensusMark> Marks, string RecordedBy, DateTimeOffset At);

public sealed record ConsensusScore(string Criterion, decimal Score, bool PassedThreshold);

public sealed record ReviewCaseCompleted(
    Guid ApplicationId,
    Guid CallId,
    IReadOnlyList<ConsensusScore> Scores,
    decimal WeightedScore,
    bool AllThresholdsPassed,
    IReadOnlyList<string> CommentsForApplicant,
    string ContentHash,
    DateTimeOffset At);

public sealed record ReviewCaseCancelled(string Reason, DateTimeOffset At);

public sealed record ReviewReminderSent(string ReviewerId, DateTimeOffset DueAt, DateTimeOffset At);

public sealed record ReviewOverdue(string ReviewerId, DateTimeOffset DueAt, DateTimeOffset At);

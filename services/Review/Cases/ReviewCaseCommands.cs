namespace Grants.Review.Cases;

public abstract record CaseCommand(DateTimeOffset Now);

public sealed record OpenCase(
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    string Theme,
    Money RequestedAmount,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    CaseRules Rules,
    DateTimeOffset Now) : CaseCommand(Now);

public sealed record CancelCase(string Reason, DateTimeOffset Now) : CaseCommand(Now);

/// <summary>Fills the case up to the call's number of reviewers.</summary>
public sealed record AssignReviewers(Candidates Candidates, string By, DateTimeOffset Now) : CaseCommand(Now);

public sealed record ReassignReviewer(string From, string To, string Reason, Candidates Candidates, string By, DateTimeOffset Now) : CaseCommand(Now);

public sealed record ReplaceOverdueReviewers(Candidates Candidates, string By, DateTimeOffset Now) : CaseCommand(Now);

public sealed record DeclareConflictOfInterest(string ReviewerId, bool HasConflict, string? Reason, Candidates Candidates, DateTimeOffset Now)
    : CaseCommand(Now);

public sealed record SubmitScoreSheet(string ReviewerId, string ContentHash, IReadOnlyList<CriterionMark> Marks, DateTimeOffset Now)
    : CaseCommand(Now);

public sealed record RecordConsensus(IReadOnlyList<ConsensusMark> Marks, string OfficerId, DateTimeOffset Now) : CaseCommand(Now);

public sealed record RemindReviewer(string ReviewerId, DateTimeOffset DueAt, DateTimeOffset Now) : CaseCommand(Now);

public sealed record FlagOverdueReview(string ReviewerId, DateTimeOffset DueAt, DateTimeOffset Now) : CaseCommand(Now);

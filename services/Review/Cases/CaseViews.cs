namespace Grants.Review.Cases;

public sealed record AssignmentView(string ReviewerId, DateTimeOffset DueAt, bool Declared, bool Reminded, bool Overdue, IReadOnlyList<CriterionMark>? Sheet);

/// <summary>What Unit staff and auditors see: everything, reviewers included.</summary>
public sealed record CaseView(
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    string Status,
    string Theme,
    Money RequestedAmount,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    CaseRules Rules,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyList<string> Conflicted,
    ReviewCaseCompleted? Outcome);

/// <summary>
/// What an assigned reviewer sees: before declaring on conflicts of interest only which
/// organisation the application comes from; after, the application and their own sheet. Never the
/// other reviewers.
/// </summary>
public sealed record ReviewerCaseView(
    Guid ApplicationId,
    Guid OrganisationId,
    bool DeclarationRequired,
    string Status,
    DateTimeOffset DueAt,
    string? Theme,
    Money? RequestedAmount,
    string? ContentHash,
    IReadOnlyList<Criterion>? Criteria,
    IReadOnlyList<CriterionMark>? MySheet);

/// <summary>What the NGO sees: where its review stands and, once complete, the consensus and comments, without who wrote them.</summary>
public sealed record ApplicantCaseView(
    Guid ApplicationId,
    string Status,
    IReadOnlyList<ConsensusScore>? Scores,
    decimal? WeightedScore,
    bool? AllThresholdsPassed,
    IReadOnlyList<string>? Comments);

public static class CaseViews
{
    public static CaseView Staff(ReviewCase state)
    {
        var d = state.Details;
        return new CaseView(d.ApplicationId, d.CallId, d.OrganisationId, state.Status.ToString(), d.Theme, d.RequestedAmount, d.ContentHash, d.SubmittedAt,
            d.Rules,
            [.. state.Assignments.Values.OrderBy(a => a.ReviewerId, StringComparer.Ordinal)
                .Select(a => new AssignmentView(a.ReviewerId, a.DueAt, a.Declared, a.Reminded, a.Overdue, a.Sheet))],
            [.. state.Conflicted.Order(StringComparer.Ordinal)],
            state.Completion);
    }

    public static ReviewerCaseView Reviewer(ReviewCase state, Assignment mine)
    {
        var d = state.Details;
        return mine.Declared
            ? new ReviewerCaseView(d.ApplicationId, d.OrganisationId, false, state.Status.ToString(), mine.DueAt, d.Theme, d.RequestedAmount,
                d.ContentHash, d.Rules.Criteria, mine.Sheet)
            : new ReviewerCaseView(d.ApplicationId, d.OrganisationId, true, state.Status.ToString(), mine.DueAt, null, null, null, null, null);
    }

    public static ApplicantCaseView Applicant(ReviewCase state) => state.Completion is { } done
        ? new ApplicantCaseView(done.ApplicationId, state.Status.ToString(), done.Scores, done.WeightedScore, done.AllThresholdsPassed, done.CommentsForApplicant)
        : new ApplicantCaseView(state.Details.ApplicationId, state.Status.ToString(), null, null, null, null);
}

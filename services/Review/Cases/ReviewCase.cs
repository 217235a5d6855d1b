namespace Grants.Review.Cases;

public enum CaseStatus
{
    None,
    InReview,
    AwaitingConsensus,
    Completed,
    Cancelled,
}

public sealed record Assignment(string ReviewerId, DateTimeOffset DueAt, bool Declared, bool Reminded, bool Overdue, IReadOnlyList<CriterionMark>? Sheet);

/// <summary>One eligible application under review: who reviews it, what they declared and scored, and the outcome.</summary>
public sealed record ReviewCase(
    CaseStatus Status,
    ReviewCaseOpened? Opened,
    ImmutableDictionary<string, Assignment> Assignments,
    ImmutableHashSet<string> Excluded,
    ImmutableHashSet<string> Conflicted,
    ReviewCaseCompleted? Completion) : IEventSourced<ReviewCase>
{
    public static ReviewCase Initial { get; } = new(CaseStatus.None, null, ImmutableDictionary<string, Assignment>.Empty,
        ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, null);

    public ReviewCaseOpened Details => Opened ?? throw new InvalidOperationException("The case has not been opened.");

    public bool IsOpen => Status is CaseStatus.InReview or CaseStatus.AwaitingConsensus;

    public static ReviewCase Evolve(ReviewCase state, object @event) => @event switch
    {
        ReviewCaseOpened e => state with { Status = CaseStatus.InReview, Opened = e },
        ReviewerAssigned e => state with
        {
            Assignments = state.Assignments.SetItem(e.ReviewerId, new Assignment(e.ReviewerId, e.DueAt, false, false, false, null)),
        },
        ReviewerRemoved e => state with
        {
            Assignments = state.Assignments.Remove(e.ReviewerId),
            Excluded = state.Excluded.Add(e.ReviewerId),
            // With a sheet missing again, the consensus question is open again.
            Status = state.Status == CaseStatus.AwaitingConsensus ? CaseStatus.InReview : state.Status,
        },
        NoConflictDeclared e => Update(state, e.ReviewerId, a => a with { Declared = true }),
        ConflictDeclared e => state with { Conflicted = state.Conflicted.Add(e.ReviewerId) },
        ScoreSheetSubmitted e => Update(state, e.ReviewerId, a => a with { Sheet = e.Marks }),
        ConsensusRequired => state with { Status = CaseStatus.AwaitingConsensus },
        ReviewCaseCompleted e => state with { Status = CaseStatus.Completed, Completion = e },
        ReviewCaseCancelled => state with { Status = CaseStatus.Cancelled },
        ReviewReminderSent e => Update(state, e.ReviewerId, a => a with { Reminded = true }),
        ReviewOverdue e => Update(state, e.ReviewerId, a => a with { Overdue = true }),
        _ => state,
    };

    private static ReviewCase Update(ReviewCase state, string reviewerId, Func<Assignment, Assignment> change) =>
        state.Assignments.TryGetValue(reviewerId, out var assignment)
            ? state with { Assignments = state.Assignments.SetItem(reviewerId, change(assignment)) }
            : state;
}

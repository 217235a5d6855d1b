namespace Grants.Review.Cases;

/// <summary>The rules of one review case: assignment, conflicts of interest, score sheets, consensus.</summary>
public static class ReviewCaseDecider
{
    public const string System = "system";
    public const string NoReviewerAvailable = "review.no_reviewer_available";

    public static IReadOnlyList<object> Decide(CaseCommand command, ReviewCase state) => (command, state) switch
    {
        (OpenCase c, { Status: CaseStatus.None }) => [Open(c)],
        (OpenCase, _) => [],
        // Withdrawal and eligibility travel on different queues: a withdrawal that overtakes the
        // eligibility decision closes the case before it opens, so the late decision opens nothing.
        (CancelCase c, { Status: CaseStatus.None }) => [new ReviewCaseCancelled(c.Reason, c.Now)],
        (_, { Status: CaseStatus.None }) => throw CaseErrors.NotFound(),
        // A completed case is cancelled too: its score must no longer rank.
        (CancelCase c, { Status: not CaseStatus.Cancelled }) => [new ReviewCaseCancelled(c.Reason, c.Now)],
        (CancelCase, _) => [],
        (RemindReviewer c, _) => Remind(c, state),
        (FlagOverdueReview c, _) => FlagOverdue(c, state),
        (_, { Status: CaseStatus.Cancelled }) => throw CaseErrors.Cancelled(),
        (_, { Status: CaseStatus.Completed }) => throw CaseErrors.Completed(),
        (AssignReviewers c, _) => Assign(c, state),
        (ReassignReviewer c, _) => Reassign(c, state),
        (ReplaceOverdueReviewers c, _) => ReplaceOverdue(c, state),
        (DeclareConflictOfInterest c, _) => Declare(c, state),
        (SubmitScoreSheet c, _) => Score(c, state),
        (RecordConsensus c, _) => Consensus.Record(c, state),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a review case command."),
    };

    private static ReviewCaseOpened Open(OpenCase c) =>
        new(c.ApplicationId, c.CallId, c.OrganisationId, c.Theme, c.RequestedAmount, c.ContentHash, c.SubmittedAt, c.Rules, c.Now);

    private static List<object> Assign(AssignReviewers c, ReviewCase state)
    {
        var missing = state.Details.Rules.ReviewersNeeded - state.Assignments.Count;
        if (missing <= 0)
        {
            return [];
        }

        var assigned = Assignments(state, c.Candidates.Pick(state, missing), c.By, c.Now);
        return assigned.Count > 0
            ? assigned
            : throw new DomainException(NoReviewerAvailable,
                $"No reviewer of theme '{state.Details.Theme}' in the call's pool is free of conflicts and not already on this case.");
    }

    private static IReadOnlyList<object> Reassign(ReassignReviewer c, ReviewCase state)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            throw new DomainException("review.reason_required", "A reassignment needs a reason.");
        }

        if (!state.Assignments.ContainsKey(c.From))
        {
            throw new DomainException("review.not_assigned", $"Reviewer '{c.From}' is not assigned to this case.");
        }

        if (state.Assignments.ContainsKey(c.To))
        {
            throw new DomainException("review.already_assigned", $"Reviewer '{c.To}' is already assigned to this case.");
        }

        if (c.Candidates.Pool.All(r => r.ReviewerId != c.To))
        {
            throw new DomainException("review.not_in_pool", $"Reviewer '{c.To}' is not in the call's reviewer pool.");
        }

        if (state.Conflicted.Contains(c.To) || c.Candidates.ConflictedWithOrganisation.Contains(c.To))
        {
            throw new DomainException("review.reviewer_conflicted",
                $"Reviewer '{c.To}' declared a conflict of interest with this organisation.");
        }

        return
        [
            new ReviewerRemoved(c.From, RemovalKind.Reassigned, c.Reason, c.By, c.Now),
            new ReviewerAssigned(c.To, DueAt(state, c.Now), c.By, c.Now),
        ];
    }

    private static IReadOnlyList<object> ReplaceOverdue(ReplaceOverdueReviewers c, ReviewCase state)
    {
        var overdue = state.Assignments.Values.Where(a => a.Overdue && a.Sheet is null).Select(a => a.ReviewerId).Order(StringComparer.Ordinal).ToList();
        if (overdue.Count == 0)
        {
            return [];
        }

        var removals = overdue.Select(r => new ReviewerRemoved(r, RemovalKind.Overdue, "No score sheet by the due date.", c.By, c.Now)).ToList();
        var after = removals.Aggregate(state, ReviewCase.Evolve);
        return [.. removals, .. Assignments(after, c.Candidates.Pick(after, after.Details.Rules.ReviewersNeeded - after.Assignments.Count), c.By, c.Now)];
    }

    private static IReadOnlyList<object> Declare(DeclareConflictOfInterest c, ReviewCase state)
    {
        if (!state.Assignments.TryGetValue(c.ReviewerId, out var assignment))
        {
            throw CaseErrors.NotAssigned();
        }

        if (!c.HasConflict)
        {
            return assignment.Declared ? [] : [new NoConflictDeclared(c.ReviewerId, state.Details.OrganisationId, c.Now)];
        }

        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            throw new DomainException("review.reason_required", "A declared conflict of interest needs a description.");
        }

        object[] removal =
        [
            new ConflictDeclared(c.ReviewerId, state.Details.OrganisationId, c.Reason, c.Now),
            new ReviewerRemoved(c.ReviewerId, RemovalKind.ConflictOfInterest, c.Reason, c.ReviewerId, c.Now),
        ];
        var after = removal.Aggregate(state, ReviewCase.Evolve);
        return [.. removal, .. Assignments(after, c.Candidates.Pick(after, after.Details.Rules.ReviewersNeeded - after.Assignments.Count), System, c.Now)];
    }

    private static IReadOnlyList<object> Score(SubmitScoreSheet c, ReviewCase state)
    {
        if (!state.Assignments.TryGetValue(c.ReviewerId, out var assignment))
        {
            throw CaseErrors.NotAssigned();
        }

        if (!assignment.Declared)
        {
            throw CaseErrors.DeclarationRequired();
        }

        if (!string.Equals(c.ContentHash, state.Details.ContentHash, StringComparison.Ordinal))
        {
            throw new DomainException("review.content_changed",
                "The score sheet was made for another version of the application than the one under review.");
        }

        ScoreSheets.Validate(c.Marks, state.Details.Rules.Criteria);
        var marks = c.Marks.OrderBy(m => state.Details.Rules.Criteria.Select(x => x.Name).ToList().IndexOf(m.Criterion)).ToList();
        if (assignment.Sheet is { } existing && existing.SequenceEqual(marks))
        {
            return [];
        }

        var sheet = new ScoreSheetSubmitted(c.ReviewerId, c.ContentHash, marks, assignment.Sheet is not null, c.Now);
        return [sheet, .. Consensus.AfterSheet(ReviewCase.Evolve(state, sheet), c.Now)];
    }

    private static IReadOnlyList<object> Remind(RemindReviewer c, ReviewCase state) =>
        state.IsOpen && state.Assignments.TryGetValue(c.ReviewerId, out var a) && a.Sheet is null && !a.Reminded && a.DueAt == c.DueAt
            ? [new ReviewReminderSent(c.ReviewerId, a.DueAt, c.Now)]
            : [];

    private static IReadOnlyList<object> FlagOverdue(FlagOverdueReview c, ReviewCase state) =>
        state.IsOpen && state.Assignments.TryGetValue(c.ReviewerId, out var a) && a.Sheet is null && !a.Overdue && a.DueAt == c.DueAt && c.Now >= a.DueAt
            ? [new ReviewOverdue(c.ReviewerId, a.DueAt, c.Now)]
            : [];

    private static List<object> Assignments(ReviewCase state, IEnumerable<string> reviewers, string by, DateTimeOffset now) =>
        [.. reviewers.Select(r => new ReviewerAssigned(r, DueAt(state, now), by, now))];

    private static DateTimeOffset DueAt(ReviewCase state, DateTimeOffset now) => now.AddDays(state.Details.Rules.ReviewPeriodDays);
}

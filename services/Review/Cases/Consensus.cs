namespace Grants.Review.Cases;

/// <summary>
/// Turns the sheets into one score per criterion: their mean when the reviewers agree, an officer's
/// moderated score when any criterion's scores are 2 or more apart.
/// </summary>
public static class Consensus
{
    public const int Divergence = 2;

    /// <summary>Once every assigned reviewer has scored: completes the case, or asks for a consensus.</summary>
    public static IReadOnlyList<object> AfterSheet(ReviewCase state, DateTimeOffset now)
    {
        var rules = state.Details.Rules;
        var sheets = state.Assignments.Values.Select(a => a.Sheet).ToList();
        if (sheets.Count < rules.ReviewersNeeded || sheets.Any(s => s is null))
        {
            return [];
        }

        var scores = rules.Criteria.ToDictionary(c => c.Name, c => sheets.Select(s => s!.Single(m => m.Criterion == c.Name).Score).ToList());
        var divergent = rules.Criteria.Where(c => scores[c.Name].Max() - scores[c.Name].Min() >= Divergence).Select(c => c.Name).ToList();
        if (divergent.Count > 0)
        {
            return state.Status == CaseStatus.AwaitingConsensus ? [] : [new ConsensusRequired(divergent, now)];
        }

        var means = rules.Criteria.Select(c => (c.Name, Score: Round((decimal)scores[c.Name].Sum() / scores[c.Name].Count))).ToList();
        var comments = state.Assignments.Values.SelectMany(a => a.Sheet!).Select(m => $"{m.Criterion}: {m.Comment}");
        return [Complete(state, means, comments, now)];
    }

    public static IReadOnlyList<object> Record(RecordConsensus c, ReviewCase state)
    {
        if (state.Status != CaseStatus.AwaitingConsensus)
        {
            throw new DomainException("review.consensus_not_needed", "Only a case whose reviewers diverge by 2 or more on a criterion needs a consensus record.");
        }

        var criteria = state.Details.Rules.Criteria;
        var given = c.Marks.Select(m => m.Criterion).ToList();
        if (given.Count != given.Distinct(StringComparer.Ordinal).Count() || !criteria.Select(x => x.Name).ToHashSet(StringComparer.Ordinal).SetEquals(given))
        {
            throw new DomainException("review.criteria_mismatch", "A consensus gives the final score of each criterion of the call exactly once.");
        }

        if (c.Marks.FirstOrDefault(m => m.Score is < ScoreSheets.Lowest or > ScoreSheets.Highest) is { } outOfRange)
        {
            throw new DomainException("review.score_out_of_range", $"'{outOfRange.Criterion}' is scored {outOfRange.Score}; scores run from 1 to 5.");
        }

        if (c.Marks.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Justification)) is { } bare)
        {
            throw new DomainException("review.justification_required", $"The consensus score of '{bare.Criterion}' needs a justification.");
        }

        var recorded = new ConsensusRecorded(c.Marks, c.OfficerId, c.Now);
        var scores = criteria.Select(x => (x.Name, Score: c.Marks.Single(m => m.Criterion == x.Name).Score)).ToList();
        return [recorded, Complete(state, scores, c.Marks.Select(m => $"{m.Criterion}: {m.Justification}"), c.Now)];
    }

    public static decimal WeightedScore(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, decimal> scores)
    {
        var weights = criteria.Sum(c => c.Weight);
        return weights == 0 ? 0 : Round(criteria.Sum(c => c.Weight * scores[c.Name]) / weights);
    }

    private static ReviewCaseCompleted Complete(
        ReviewCase state, IReadOnlyList<(string Name, decimal Score)> scores, IEnumerable<string> comments, DateTimeOffset now)
    {
        var details = state.Details;
        var byName = scores.ToDictionary(s => s.Name, s => s.Score, StringComparer.Ordinal);
        var consensus = details.Rules.Criteria.Select(c => new ConsensusScore(c.Name, byName[c.Name], byName[c.Name] >= c.Threshold)).ToList();
        var weighted = WeightedScore(details.Rules.Criteria, byName);
        var passed = consensus.All(s => s.PassedThreshold) && weighted >= details.Rules.OverallThreshold;
        return new ReviewCaseCompleted(details.ApplicationId, details.CallId, consensus, weighted, passed, [.. comments], details.ContentHash, now);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

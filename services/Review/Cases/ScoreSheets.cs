namespace Grants.Review.Cases;

/// <summary>What makes a score sheet complete: every criterion of the call once, scored 1 to 5, with a comment.</summary>
public static class ScoreSheets
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static void Validate(IReadOnlyList<CriterionMark> marks, IReadOnlyList<Criterion> criteria)
    {
        var names = criteria.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var given = marks.Select(m => m.Criterion).ToList();
        if (given.Count != given.Distinct(StringComparer.Ordinal).Count() || !names.SetEquals(given))
        {
            throw new DomainException("review.criteria_mismatch",
                $"A score sheet scores each criterion of the call exactly once: {string.Join(", ", criteria.Select(c => c.Name))}.");
        }

        if (marks.FirstOrDefault(m => m.Score is < Lowest or > Highest) is { } outOfRange)
        {
            throw new DomainException("review.score_out_of_range", $"'{outOfRange.Criterion}' is scored {outOfRange.Score}; scores run from {Lowest} to {Highest}.");
        }

        if (marks.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Comment)) is { } bare)
        {
            throw new DomainException("review.comment_required", $"'{bare.Criterion}' needs a comment.");
        }
    }
}

using Grants.Review.Calls;

namespace Grants.Review.Cases;

/// <summary>
/// Who could review a case, as the service knows it when the command is made: the call's pool, how
/// many open assignments each reviewer carries in the call, and who declared a conflict with the
/// application's organisation on any case.
/// </summary>
public sealed record Candidates(
    IReadOnlyList<PoolReviewer> Pool,
    IReadOnlyDictionary<string, int> Load,
    IReadOnlySet<string> ConflictedWithOrganisation)
{
    public static Candidates None { get; } = new([], new Dictionary<string, int>(), new HashSet<string>());

    /// <summary>Reviewers of the case's theme, not already on it, never removed from it, never conflicted; the least loaded first.</summary>
    public IReadOnlyList<string> Pick(ReviewCase state, int count) =>
        count <= 0
            ? []
            : Pool
                .Where(r => r.Themes.Contains(state.Details.Theme, StringComparer.OrdinalIgnoreCase))
                .Where(r => !state.Assignments.ContainsKey(r.ReviewerId)
                    && !state.Excluded.Contains(r.ReviewerId)
                    && !state.Conflicted.Contains(r.ReviewerId)
                    && !ConflictedWithOrganisation.Contains(r.ReviewerId))
                .OrderBy(r => Load.GetValueOrDefault(r.ReviewerId))
                .ThenBy(r => r.ReviewerId, StringComparer.Ordinal)
                .Take(count)
                .Select(r => r.ReviewerId)
                .ToList();
}

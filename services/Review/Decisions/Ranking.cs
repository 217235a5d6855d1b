using Grants.Contracts.Funding;
using Grants.Review.Calls;

namespace Grants.Review.Decisions;

/// <param name="Amount">What the application would take from the envelope: its award (confirmed or proposed) or else its request.</param>
/// <param name="RunningTotal">The sum of <see cref="Amount"/> down to this rank, over applications that passed every threshold.</param>
public sealed record RankedApplication(
    int Rank,
    Guid ApplicationId,
    decimal WeightedScore,
    bool PassedThresholds,
    DateTimeOffset SubmittedAt,
    Money RequestedAmount,
    Money Amount,
    decimal RunningTotal,
    bool WithinEnvelope,
    string? Proposed,
    string? Decided,
    bool Blocked);

public sealed record CallRanking(Guid CallId, Money Envelope, decimal Awarded, decimal Remaining, IReadOnlyList<RankedApplication> Applications);

/// <summary>The call's applications by weighted consensus score, ties to the earlier submission, against the envelope.</summary>
public static class Ranking
{
    public static CallRanking Of(CallReview call)
    {
        if (!call.RankingReady)
        {
            throw FundingErrors.RankingNotReady();
        }

        var envelope = call.Known.Envelope;
        var running = 0m;
        var ranked = new List<RankedApplication>();
        var ordered = call.Cases.Values
            .Where(c => c.Progress == CaseProgress.Reviewed)
            .OrderByDescending(c => c.WeightedScore)
            .ThenBy(c => c.SubmittedAt)
            .ThenBy(c => c.ApplicationId);
        foreach (var entry in ordered)
        {
            var decision = call.Decisions.GetValueOrDefault(entry.ApplicationId);
            var proposal = call.Proposals.GetValueOrDefault(entry.ApplicationId);
            var amount = (decision is { Outcome: FundingOutcome.Award } ? decision.Amount : null)
                ?? (proposal is { Outcome: FundingOutcome.Award } ? proposal.Amount : null)
                ?? entry.RequestedAmount;
            var counts = entry.Passed && decision is not { Released: true } && decision?.Outcome != FundingOutcome.Reject;
            running += counts ? amount.Amount : 0;
            ranked.Add(new RankedApplication(
                ranked.Count + 1,
                entry.ApplicationId,
                entry.WeightedScore,
                entry.Passed,
                entry.SubmittedAt,
                entry.RequestedAmount,
                amount,
                running,
                counts && running <= envelope.Amount,
                proposal?.Outcome.ToString(),
                decision is null ? null : decision.Released ? "Released" : decision.Outcome.ToString(),
                call.IsBlocked(entry.ApplicationId)));
        }

        return new CallRanking(call.Known.CallId, envelope, call.Awarded, envelope.Amount - call.Awarded, ranked);
    }
}

using Grants.Contracts.Calls;
using Grants.Review.Cases;

namespace Grants.Review.Calls;

public abstract record CallCommand;

public sealed record RecordCallRules(Guid CallId, string Reference, string Title, CallRules Rules, DateTimeOffset Now) : CallCommand;

public sealed record CloseCall(DateTimeOffset ClosedAt) : CallCommand;

public sealed record EnlistReviewer(PoolReviewer Reviewer, string By, DateTimeOffset Now) : CallCommand;

public sealed record EnterApplication(Guid ApplicationId, Guid OrganisationId, Money RequestedAmount, DateTimeOffset SubmittedAt) : CallCommand;

public sealed record RecordReview(Guid ApplicationId, decimal WeightedScore, bool AllThresholdsPassed) : CallCommand;

/// <summary>The application left the competition (withdrawn, or found ineligible after all); an award it held is given up.</summary>
public sealed record RemoveFromReview(Guid ApplicationId, string Reason, Actor By, DateTimeOffset Now) : CallCommand;

/// <summary>The call's life in the Review service: its rules, its reviewer pool, the applications that compete in it.</summary>
public static class CallDecider
{
    public static IReadOnlyList<object> Decide(CallCommand command, CallReview state) => (command, state) switch
    {
        (RecordCallRules c, { Phase: CallPhase.Unknown }) => [Rules(c)],
        (RecordCallRules, _) => [],
        (_, { Phase: CallPhase.Unknown }) => throw CallErrors.Unknown(),
        (CloseCall c, { Phase: CallPhase.Open }) => [new CallClosedForSubmissions(c.ClosedAt)],
        (CloseCall, _) => [],
        (EnlistReviewer c, _) => Enlist(c, state),
        (EnterApplication c, _) => state.Cases.ContainsKey(c.ApplicationId)
            ? []
            : [new ApplicationEnteredReview(c.ApplicationId, c.OrganisationId, c.RequestedAmount, c.SubmittedAt)],
        (RecordReview c, _) => state.Cases.TryGetValue(c.ApplicationId, out var entry) && entry.Progress == CaseProgress.InReview
            ? [new ApplicationReviewed(c.ApplicationId, c.WeightedScore, c.AllThresholdsPassed)]
            : [],
        (RemoveFromReview c, _) => Remove(c, state),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a call command."),
    };

    private static CallRulesRecorded Rules(RecordCallRules c) => new(
        c.CallId,
        c.Reference,
        c.Title,
        c.Rules.RulesVersion,
        c.Rules.Themes,
        new CaseRules(
            [.. c.Rules.Criteria.Select(x => new Criterion(x.Name, x.Weight, x.Threshold))],
            c.Rules.OverallThreshold,
            c.Rules.ReviewersPerApplication,
            c.Rules.ReviewPeriodDays),
        c.Rules.Envelope,
        c.Now);

    private static IReadOnlyList<object> Enlist(EnlistReviewer c, CallReview state)
    {
        var unknown = c.Reviewer.Themes.Where(t => !state.Known.Themes.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("pool.unknown_theme", $"The call has no theme {string.Join(", ", unknown.Select(t => $"'{t}'"))}.");
        }

        return state.Pool.TryGetValue(c.Reviewer.ReviewerId, out var existing) && Same(existing, c.Reviewer)
            ? []
            : [new ReviewerEnlisted(c.Reviewer, c.By, c.Now)];
    }

    private static bool Same(PoolReviewer a, PoolReviewer b) =>
        a.Name == b.Name && a.Themes.SequenceEqual(b.Themes) && a.Languages.SequenceEqual(b.Languages);

    private static IReadOnlyList<object> Remove(RemoveFromReview c, CallReview state)
    {
        if (!state.Cases.TryGetValue(c.ApplicationId, out var entry))
        {
            return [];
        }

        if (state.Decisions.TryGetValue(c.ApplicationId, out var decision))
        {
            return decision is { Outcome: Contracts.Funding.FundingOutcome.Award, Released: false }
                ? [new AwardGivenUp(c.ApplicationId, state.Known.CallId, entry.OrganisationId, decision.Amount!, c.Reason, c.By, c.Now)]
                : [];
        }

        return entry.Progress == CaseProgress.Cancelled ? [] : [new ApplicationLeftReview(c.ApplicationId, c.Reason)];
    }
}

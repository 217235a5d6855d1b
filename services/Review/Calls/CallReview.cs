using Grants.Contracts.Funding;

namespace Grants.Review.Calls;

public enum CallPhase
{
    Unknown,
    Open,
    Closed,
}

public enum CaseProgress
{
    InReview,
    Reviewed,
    Cancelled,
}

public sealed record CaseEntry(
    Guid ApplicationId, Guid OrganisationId, Money RequestedAmount, DateTimeOffset SubmittedAt, CaseProgress Progress, decimal WeightedScore, bool Passed);

public sealed record Decision(FundingOutcome Outcome, Money? Amount, bool Released);

/// <summary>
/// A call as the Review service keeps it: its rules, reviewer pool, the applications in review,
/// complaints, proposed and confirmed funding decisions. Its stream is the one guard of the
/// envelope: every award is appended here with the version it was decided on.
/// </summary>
public sealed record CallReview(
    CallPhase Phase,
    CallRulesRecorded? Rules,
    ImmutableDictionary<string, PoolReviewer> Pool,
    ImmutableDictionary<Guid, CaseEntry> Cases,
    ImmutableDictionary<Guid, ComplaintRecorded> OpenComplaints,
    ImmutableDictionary<Guid, FundingDecisionProposed> Proposals,
    ImmutableDictionary<Guid, Decision> Decisions) : IEventSourced<CallReview>
{
    public static CallReview Initial { get; } = new(CallPhase.Unknown, null, ImmutableDictionary<string, PoolReviewer>.Empty,
        ImmutableDictionary<Guid, CaseEntry>.Empty, ImmutableDictionary<Guid, ComplaintRecorded>.Empty,
        ImmutableDictionary<Guid, FundingDecisionProposed>.Empty, ImmutableDictionary<Guid, Decision>.Empty);

    public CallRulesRecorded Known => Rules ?? throw CallErrors.Unknown();

    /// <summary>Confirmed awards not given up: what the envelope has paid out in commitments.</summary>
    public decimal Awarded => Decisions.Values.Where(d => d is { Outcome: FundingOutcome.Award, Released: false }).Sum(d => d.Amount!.Amount);

    public decimal ProposedAwards => Proposals.Values.Where(p => p.Outcome == FundingOutcome.Award).Sum(p => p.Amount!.Amount);

    /// <summary>The ranking stands once no more applications can enter and none is still being reviewed.</summary>
    public bool RankingReady => Phase == CallPhase.Closed && Cases.Values.All(c => c.Progress != CaseProgress.InReview);

    public bool IsBlocked(Guid applicationId) => OpenComplaints.Values.Any(c => c.ApplicationId == applicationId);

    public static CallReview Evolve(CallReview state, object @event) => @event switch
    {
        CallRulesRecorded e => state with { Phase = CallPhase.Open, Rules = e },
        CallClosedForSubmissions => state with { Phase = CallPhase.Closed },
        ReviewerEnlisted e => state with { Pool = state.Pool.SetItem(e.Reviewer.ReviewerId, e.Reviewer) },
        ApplicationEnteredReview e => state with
        {
            Cases = state.Cases.SetItem(e.ApplicationId,
                new CaseEntry(e.ApplicationId, e.OrganisationId, e.RequestedAmount, e.SubmittedAt, CaseProgress.InReview, 0, false)),
        },
        ApplicationReviewed e => Update(state, e.ApplicationId, c => c with
        {
            Progress = CaseProgress.Reviewed, WeightedScore = e.WeightedScore, Passed = e.AllThresholdsPassed,
        }),
        ApplicationLeftReview e => Update(state, e.ApplicationId, c => c with { Progress = CaseProgress.Cancelled }) with
        {
            Proposals = state.Proposals.Remove(e.ApplicationId),
        },
        ComplaintRecorded e => state with { OpenComplaints = state.OpenComplaints.SetItem(e.ComplaintId, e) },
        ComplaintResolved e => state with { OpenComplaints = state.OpenComplaints.Remove(e.ComplaintId) },
        FundingDecisionProposed e => state with { Proposals = state.Proposals.SetItem(e.ApplicationId, e) },
        FundingDecisionConfirmed e => state with
        {
            Proposals = state.Proposals.Remove(e.ApplicationId),
            Decisions = state.Decisions.SetItem(e.ApplicationId, new Decision(e.Outcome, e.Amount, false)),
        },
        AwardGivenUp e => state with
        {
            Decisions = state.Decisions.SetItem(e.ApplicationId, state.Decisions[e.ApplicationId] with { Released = true }),
        },
        _ => state,
    };

    private static CallReview Update(CallReview state, Guid applicationId, Func<CaseEntry, CaseEntry> change) =>
        state.Cases.TryGetValue(applicationId, out var entry) ? state with { Cases = state.Cases.SetItem(applicationId, change(entry)) } : state;
}

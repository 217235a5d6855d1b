using Grants.Contracts.Funding;
using Grants.Review.Calls;

namespace Grants.Review.Decisions;

/// <summary>
/// Funding decisions on a call: an officer proposes, a different approver confirms, and the
/// confirmed awards never add up to more than the envelope. Open conflict-of-interest complaints
/// hold up the decision on their application until an approver resolves them.
/// </summary>
public static class FundingDecider
{
    public static IReadOnlyList<object> Decide(FundingCommand command, CallReview state) => (command, state) switch
    {
        (_, { Phase: CallPhase.Unknown }) => throw CallErrors.Unknown(),
        (ProposeDecisions c, _) => Propose(c, state),
        (ConfirmDecisions c, _) => Confirm(c, state),
        (ReleaseAward c, _) => Release(c, state),
        (RecordComplaint c, _) => Complain(c, state),
        (ResolveComplaint c, _) => Resolve(c, state),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a funding command."),
    };

    private static List<object> Propose(ProposeDecisions c, CallReview state)
    {
        if (!state.RankingReady)
        {
            throw FundingErrors.RankingNotReady();
        }

        if (c.Decisions.Count == 0 || c.Decisions.Select(d => d.ApplicationId).Distinct().Count() != c.Decisions.Count)
        {
            throw new DomainException("decision.duplicate", "Propose one decision per application, at least one.");
        }

        var events = new List<object>();
        foreach (var proposal in c.Decisions)
        {
            var entry = Reviewed(state, proposal.ApplicationId);
            if (state.Decisions.TryGetValue(proposal.ApplicationId, out var taken)
                && !(taken.Outcome == FundingOutcome.ReserveList && proposal.Outcome == FundingOutcome.Award))
            {
                throw new DomainException("decision.already_taken",
                    $"Application {proposal.ApplicationId} is already decided ({taken.Outcome}); only a reserve-list application can still be awarded.");
            }

            EnsureNotBlocked(state, proposal.ApplicationId);
            var reasons = proposal.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
            switch (proposal.Outcome)
            {
                case FundingOutcome.Award:
                    EnsurePassed(entry);
                    EnsureAmount(state, entry, proposal.Amount, reasons);
                    break;
                case FundingOutcome.ReserveList:
                    EnsurePassed(entry);
                    break;
                case FundingOutcome.Reject when reasons.Count == 0:
                    throw new DomainException("decision.reasons_required", $"Rejecting application {proposal.ApplicationId} needs reasons the NGO can read.");
            }

            var amount = proposal.Outcome == FundingOutcome.Award ? proposal.Amount : null;
            if (state.Proposals.TryGetValue(proposal.ApplicationId, out var pending)
                && pending.Outcome == proposal.Outcome && pending.Amount == amount && pending.Reasons.SequenceEqual(reasons) && pending.ProposedBy == c.Officer)
            {
                continue;
            }

            events.Add(new FundingDecisionProposed(proposal.ApplicationId, proposal.Outcome, amount, reasons, c.Officer, c.Now));
        }

        var after = events.Aggregate(state, CallReview.Evolve);
        return after.Awarded + after.ProposedAwards > state.Known.Envelope.Amount
            ? throw FundingErrors.EnvelopeExceeded(state.Known.Envelope, after.Awarded + after.ProposedAwards)
            : events;
    }

    private static List<object> Confirm(ConfirmDecisions c, CallReview state)
    {
        if (c.ApplicationIds.Count == 0 || c.ApplicationIds.Distinct().Count() != c.ApplicationIds.Count)
        {
            throw new DomainException("decision.duplicate", "Confirm each application once, at least one.");
        }

        var events = new List<object>();
        var current = state;
        var awarded = state.Awarded;
        foreach (var applicationId in c.ApplicationIds)
        {
            if (!current.Proposals.TryGetValue(applicationId, out var proposal))
            {
                // A confirmation sent again after it took effect changes nothing.
                if (current.Decisions.ContainsKey(applicationId))
                {
                    continue;
                }

                throw new DomainException("decision.no_proposal", $"No decision on application {applicationId} awaits confirmation.");
            }

            if (string.Equals(proposal.ProposedBy.UserId, c.Approver.UserId, StringComparison.Ordinal))
            {
                throw new DomainException("decision.same_person", "A funding decision is confirmed by someone other than the officer who proposed it.");
            }

            EnsureNotBlocked(current, applicationId);
            var entry = Reviewed(current, applicationId);
            if (proposal.Outcome != FundingOutcome.Reject)
            {
                EnsurePassed(entry);
            }

            if (proposal.Outcome == FundingOutcome.Award)
            {
                // An award to a reserve-list application replaces a decision that held no money.
                awarded += proposal.Amount!.Amount;
                if (awarded > state.Known.Envelope.Amount)
                {
                    throw FundingErrors.EnvelopeExceeded(state.Known.Envelope, awarded);
                }
            }

            var confirmed = new FundingDecisionConfirmed(applicationId, state.Known.CallId, entry.OrganisationId, proposal.Outcome, proposal.Amount,
                proposal.Reasons, proposal.ProposedBy, c.Approver, state.Known.RulesVersion, c.Now);
            events.Add(confirmed);
            current = CallReview.Evolve(current, confirmed);
        }

        return events;
    }

    private static IReadOnlyList<object> Release(ReleaseAward c, CallReview state)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            throw new DomainException("decision.reasons_required", "Giving up an award needs a reason.");
        }

        if (!state.Decisions.TryGetValue(c.ApplicationId, out var decision) || decision.Outcome != FundingOutcome.Award)
        {
            throw new DomainException("decision.not_awarded", $"Application {c.ApplicationId} holds no award.");
        }

        return decision.Released
            ? []
            : [new AwardGivenUp(c.ApplicationId, state.Known.CallId, state.Cases[c.ApplicationId].OrganisationId, decision.Amount!, c.Reason, c.By, c.Now)];
    }

    private static IReadOnlyList<object> Complain(RecordComplaint c, CallReview state)
    {
        if (!state.Cases.ContainsKey(c.ApplicationId))
        {
            throw new DomainException("review.case_not_found", $"Application {c.ApplicationId} is not under review in this call.", DomainErrorKind.NotFound);
        }

        if (string.IsNullOrWhiteSpace(c.Complaint))
        {
            throw new DomainException("complaint.text_required", "Say what the complaint is.");
        }

        if (state.Decisions.ContainsKey(c.ApplicationId))
        {
            throw new DomainException("complaint.decision_taken", "The funding decision on this application is already confirmed.");
        }

        return state.OpenComplaints.ContainsKey(c.ComplaintId) ? [] : [new ComplaintRecorded(c.ComplaintId, c.ApplicationId, c.Complaint, c.By, c.Now)];
    }

    private static IReadOnlyList<object> Resolve(ResolveComplaint c, CallReview state)
    {
        if (string.IsNullOrWhiteSpace(c.Resolution))
        {
            throw new DomainException("complaint.resolution_required", "Say how the complaint was resolved.");
        }

        return state.OpenComplaints.TryGetValue(c.ComplaintId, out var complaint)
            ? [new ComplaintResolved(c.ComplaintId, complaint.ApplicationId, c.Resolution, c.By, c.Now)]
            : throw new DomainException("complaint.not_found", "There is no open complaint with this id.", DomainErrorKind.NotFound);
    }

    private static CaseEntry Reviewed(CallReview state, Guid applicationId) =>
        state.Cases.TryGetValue(applicationId, out var entry) && entry.Progress == CaseProgress.Reviewed
            ? entry
            : throw new DomainException("decision.not_reviewed", $"Application {applicationId} has no completed review in this call.");

    private static void EnsurePassed(CaseEntry entry)
    {
        if (!entry.Passed)
        {
            throw new DomainException("decision.threshold_failed",
                $"Application {entry.ApplicationId} failed a review threshold; it can only be rejected.");
        }
    }

    private static void EnsureNotBlocked(CallReview state, Guid applicationId)
    {
        if (state.IsBlocked(applicationId))
        {
            throw new DomainException("decision.blocked_by_complaint",
                $"A conflict-of-interest complaint about application {applicationId} awaits an approver's resolution.");
        }
    }

    private static void EnsureAmount(CallReview state, CaseEntry entry, Money? amount, List<string> reasons)
    {
        if (amount is null || amount.Amount <= 0 || amount.Currency != state.Known.Envelope.Currency)
        {
            throw new DomainException("decision.amount_invalid",
                $"An award needs a positive amount in {state.Known.Envelope.Currency}.");
        }

        if (amount.Amount > entry.RequestedAmount.Amount)
        {
            throw new DomainException("decision.amount_exceeds_request",
                $"The award of {amount.Amount} is more than the {entry.RequestedAmount.Amount} requested.");
        }

        if (amount.Amount < entry.RequestedAmount.Amount && reasons.Count == 0)
        {
            throw new DomainException("decision.reduction_needs_reason", "An award below the requested amount needs a reason.");
        }
    }
}

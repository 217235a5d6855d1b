namespace Grants.Payments.Grants;

/// <summary>After both signatures: into one batch, then paid once, or back to approved when the bank rejects the batch.</summary>
public static partial class GrantDecider
{
    /// <summary>
    /// Any approved tranche may go into a batch, even of a grant closed since: the closing counted it
    /// as paid out, so it must not be stranded by a rejected batch.
    /// </summary>
    private static IReadOnlyList<object> Batch(Grant state, BatchTranche c)
    {
        var tranche = state.Tranche(c.Number) ?? throw new DomainException("tranche.not_found", $"The grant has no tranche {c.Number}.", DomainErrorKind.NotFound);
        if (tranche.Status != TrancheStatus.Approved)
        {
            throw new DomainException(
                "tranche.not_approved", $"Tranche {c.Number} is {Describe(tranche.Status)}; only an approved tranche, in no batch, can be batched.", DomainErrorKind.Conflict);
        }

        NotBlockedByReport(state);
        NotFrozen(state);
        return [new TrancheBatched(state.ApplicationId, c.Number, c.BatchId, EndToEndIds.For(GrantIds.For(state.ApplicationId), c.Number))];
    }

    /// <summary>A tranche of a grant frozen while it was in the batch comes back blocked, not approved.</summary>
    private static IReadOnlyList<object> Unbatch(Grant state, UnbatchTranche c)
    {
        if (state.Tranche(c.Number) is not { Status: TrancheStatus.Batched } tranche || tranche.BatchId != c.BatchId)
        {
            return [];
        }

        var unbatched = new TrancheUnbatched(state.ApplicationId, c.Number, c.BatchId, c.Reason);
        return state.FrozenReason is null ? [unbatched] : [unbatched, BlockedByFreeze(state, tranche)];
    }

    private static IReadOnlyList<object> Pay(Grant state, RecordTranchePayment c)
    {
        if (state.Tranche(c.Number) is not { Status: TrancheStatus.Batched } tranche || tranche.BatchId != c.BatchId)
        {
            return [];
        }

        var paid = new TranchePaid(state.ApplicationId, c.Number, tranche.Amount!, c.ExecutedOn, c.BatchId, c.BankReference, tranche.EndToEndId!);
        if (tranche.Kind != TrancheKind.Balance)
        {
            return [paid];
        }

        var after = Grant.Evolve(state, paid);
        return [paid, new GrantClosed(state.ApplicationId, after.TotalPaid, state.Terms!.Amount with { Amount = 0m }, c.Now)];
    }

    private static IReadOnlyList<object> Late(Grant state, MarkTrancheLate c) =>
        state.Tranche(c.Number) is { PayBy: { } payBy, Late: false, Status: not (TrancheStatus.Paid or TrancheStatus.Withheld or TrancheStatus.Planned) } tranche
        && c.Now >= PaymentDeadline.LateFrom(payBy, state.Terms!.TimeZone)
            ? [new TranchePaymentLate(state.ApplicationId, tranche.Number, payBy, c.Now)]
            : [];
}

using Grants.Contracts.Organisations;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;

namespace Grants.Payments.Grants;

/// <summary>Two signatures: finance prepares, a different approver approves; both screen the payee and check the account first.</summary>
public static partial class GrantDecider
{
    private static IReadOnlyList<object> Prepare(Grant state, PrepareTranche c)
    {
        var tranche = Payable(state, c.Number);
        if (tranche.Status == TrancheStatus.Prepared
            && tranche.Preparation is { } done && done.Amount == c.Amount && done.ExecutionDate == c.ExecutionDate && done.PreparedBy.UserId == c.By.UserId)
        {
            return [];
        }

        if (tranche.Status is not (TrancheStatus.Due or TrancheStatus.Blocked))
        {
            throw new DomainException("tranche.not_due", $"Tranche {c.Number} is {Describe(tranche.Status)}; only a due tranche can be prepared.", DomainErrorKind.Conflict);
        }

        NotBlockedByReport(state);
        if (c.Amount != tranche.Amount)
        {
            throw new DomainException("tranche.amount_mismatch", $"Tranche {c.Number} is due for {Format(tranche.Amount!)}, not {Format(c.Amount)}.");
        }

        var today = PaymentDeadline.Today(c.Now, state.Terms!.TimeZone);
        if (c.ExecutionDate < today || c.ExecutionDate > today.AddYears(1))
        {
            throw new DomainException("tranche.execution_date_invalid", $"The execution date must be between today ({today:yyyy-MM-dd}) and a year from now.");
        }

        if (Refusal(state, tranche, c.Payee, null, c.Screening) is { } blocked)
        {
            return [blocked];
        }

        return [new TranchePrepared(state.ApplicationId, c.Number, c.Amount, c.ExecutionDate, c.Payee.Account!, c.By, c.Screening.ListVersions)];
    }

    private static IReadOnlyList<object> Approve(Grant state, ApproveTranche c)
    {
        var tranche = Payable(state, c.Number);
        if (tranche.Status == TrancheStatus.Approved && tranche.ApprovedBy?.UserId == c.By.UserId)
        {
            return [];
        }

        if (tranche.Status != TrancheStatus.Prepared)
        {
            throw new DomainException("tranche.not_prepared", $"Tranche {c.Number} is {Describe(tranche.Status)}; only a prepared tranche can be approved.", DomainErrorKind.Conflict);
        }

        NotBlockedByReport(state);
        var preparation = tranche.Preparation!;
        if (preparation.PreparedBy.UserId == c.By.UserId)
        {
            throw new DomainException("tranche.same_person", "The person who prepared a payment cannot approve it: a second person must sign.");
        }

        if (Refusal(state, tranche, c.Payee, preparation.Account, c.Screening) is { } blocked)
        {
            return [blocked];
        }

        return [new TrancheApproved(state.ApplicationId, c.Number, c.By, c.Screening.ListVersions)];
    }

    /// <summary>Why the money may not go to this payee now, as the event that blocks the tranche; null when it may.</summary>
    private static TrancheBlocked? Refusal(Grant state, Tranche tranche, Payee payee, BankAccount? prepared, ScreeningVerdict screening)
    {
        TrancheBlocked Block(string code, string reason, IReadOnlyList<string>? lists = null) =>
            new(state.ApplicationId, tranche.Number, code, reason, lists ?? []);

        if (!screening.Cleared)
        {
            return Block("sanctions_hit", screening.Reason ?? "the payee matches a sanctions list entry", screening.ListVersions);
        }

        if (payee.Account is not { } account)
        {
            return Block("bank_details_missing", "the organisation has no bank account on record");
        }

        if (!Iban.IsValid(account.Iban))
        {
            return Block("bank_details_invalid", "the organisation's IBAN fails its checksum");
        }

        if (!payee.Verified)
        {
            return Block("bank_details_unverified", "the bank details were changed and a second person has not verified them yet");
        }

        return prepared is not null && prepared != account
            ? Block("bank_details_changed", "the bank details changed after the payment was prepared; prepare it again")
            : null;
    }

    private static Tranche Payable(Grant state, int number)
    {
        if (state.Terms is null)
        {
            throw new DomainException("grant.not_found", "No such grant.", DomainErrorKind.NotFound);
        }

        if (state.Status is not (GrantStatus.Active or GrantStatus.Closing))
        {
            throw new DomainException("grant.not_active", $"The grant is {state.Status.ToString().ToLowerInvariant()}: nothing can be paid.");
        }

        NotFrozen(state);
        return state.Tranche(number) ?? throw new DomainException("tranche.not_found", $"The grant has no tranche {number}.", DomainErrorKind.NotFound);
    }

    private static void NotBlockedByReport(Grant state)
    {
        if (!state.OverdueReports.IsEmpty)
        {
            throw new DomainException("payment.report_overdue", "A report of this grant is overdue: no payment until it is approved.");
        }
    }

    private static string Describe(TrancheStatus status) => status.ToString().ToLowerInvariant();

    private static string Format(Money money) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{money.Amount:0.00} {money.Currency}");
}

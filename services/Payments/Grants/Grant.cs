using System.Collections.Immutable;
using Grants.Contracts.Calls;

namespace Grants.Payments.Grants;

public enum GrantStatus
{
    /// <summary>Nothing known yet, or only the project or only the award (messages may arrive in any order).</summary>
    Pending,

    /// <summary>Awarded: the tranche plan is set; waiting for the countersigned agreement.</summary>
    Open,

    Active,

    /// <summary>The final report is approved; the balance is still to be paid.</summary>
    Closing,

    Closed,
}

/// <summary>The terms the grant opened with; the tranche arithmetic reads them, never the call's current rules.</summary>
public sealed record GrantTerms(
    string CallReference, string Title, Money Amount, DateOnly StartDate, DateOnly EndDate, string TimeZone, int RulesVersion, PaymentRules Rules);

public sealed record Grant(
    GrantStatus Status,
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    ProjectRecorded? Project,
    AwardRecorded? Award,
    DateTimeOffset? CountersignedAt,
    GrantTerms? Terms,
    ImmutableList<Tranche> Tranches,
    ImmutableHashSet<Guid> OverdueReports,
    ImmutableHashSet<Guid> ApprovedReports,
    Money? Recovered,
    DateTimeOffset? ClosedAt) : IEventSourced<Grant>
{
    public static Grant Initial { get; } = new(
        GrantStatus.Pending, Guid.Empty, Guid.Empty, Guid.Empty, null, null, null, null, [], [], [], null, null);

    /// <summary>Why the grant is frozen (a confirmed sanctions hit); null while it is not.</summary>
    public string? FrozenReason { get; init; }

    public Tranche? Tranche(int number) => Tranches.Find(t => t.Number == number);

    public Money TotalPaid => new(Tranches.Where(t => t.Status == TrancheStatus.Paid).Sum(t => t.Amount!.Amount), Terms?.Amount.Currency ?? "EUR");

    public static Grant Evolve(Grant state, object @event) => @event switch
    {
        ProjectRecorded e => state with { ApplicationId = e.ApplicationId, CallId = e.CallId, OrganisationId = e.OrganisationId, Project = e },
        AwardRecorded e => state with { ApplicationId = e.ApplicationId, CallId = e.CallId, OrganisationId = e.OrganisationId, Award = e },
        AgreementSigned e => state with
        {
            CountersignedAt = e.CountersignedAt,
            Status = state.Status == GrantStatus.Open ? GrantStatus.Active : state.Status,
        },
        GrantOpened e => state with
        {
            Status = state.CountersignedAt is null ? GrantStatus.Open : GrantStatus.Active,
            Terms = new GrantTerms(e.CallReference, e.Title, e.Amount, e.StartDate, e.EndDate, e.TimeZone, e.RulesVersion, e.Rules),
            Tranches = [.. e.Plan.Select(p => new Tranche(p.Number, p.Condition == TranchePlan.FinalReport ? TrancheKind.Balance : TrancheKind.PreFinancing, p.Amount, p.Condition))],
        },
        TrancheDue e => state.Change(e.Number, t => t with { Status = TrancheStatus.Due, Amount = e.Amount, PayBy = e.PayBy }),
        TrancheWithheld e => state.Change(e.Number, t => t with { Status = TrancheStatus.Withheld }),
        TranchePrepared e => state.Change(e.Number, t => t with
        {
            Status = TrancheStatus.Prepared,
            Preparation = new Preparation(e.Amount, e.ExecutionDate, e.Account, e.PreparedBy),
            BlockCode = null,
            BlockReason = null,
        }),
        TrancheApproved e => state.Change(e.Number, t => t with { Status = TrancheStatus.Approved, ApprovedBy = e.ApprovedBy }),
        TrancheBlocked e => state.Change(e.Number, t => t with
        {
            Status = TrancheStatus.Blocked,
            BlockCode = e.ReasonCode,
            BlockReason = e.Reason,
            Preparation = null,
            ApprovedBy = null,
        }),
        TrancheUnblocked e => state.Change(e.Number, t => t with { Status = TrancheStatus.Due, BlockCode = null, BlockReason = null }),
        TrancheBatched e => state.Change(e.Number, t => t with { Status = TrancheStatus.Batched, BatchId = e.BatchId, EndToEndId = e.EndToEndId }),
        TrancheUnbatched e => state.Change(e.Number, t => t with { Status = TrancheStatus.Approved, BatchId = null }),
        TranchePaid e => state.Change(e.Number, t => t with { Status = TrancheStatus.Paid, PaidOn = e.ExecutedOn, BankReference = e.BankReference }),
        TranchePaymentLate e => state.Change(e.Number, t => t with { Late = true }),
        ReportOverdueRecorded e => state with { OverdueReports = state.OverdueReports.Add(e.ReportId) },
        ReportApproved e => state with
        {
            OverdueReports = state.OverdueReports.Remove(e.ReportId),
            ApprovedReports = state.ApprovedReports.Add(e.ReportId),
            Status = e.Kind == Contracts.Reports.ReportKind.Final ? GrantStatus.Closing : state.Status,
        },
        RecoveryOrdered e => state with { Recovered = e.Amount },
        GrantClosed e => state with { Status = GrantStatus.Closed, ClosedAt = e.ClosedAt },
        GrantFrozen e => state with { FrozenReason = e.Reason },
        _ => state,
    };

    private Grant Change(int number, Func<Tranche, Tranche> change)
    {
        var index = Tranches.FindIndex(t => t.Number == number);
        return index < 0 ? this : this with { Tranches = Tranches.SetItem(index, change(Tranches[index])) };
    }
}

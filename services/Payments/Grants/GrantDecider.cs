using Grants.Contracts.Reports;
using Grants.Payments.Calls;

namespace Grants.Payments.Grants;

/// <summary>The ledger's rules: opening a grant, making tranches due, blocking them, closing the grant. Pure.</summary>
public static partial class GrantDecider
{
    public const string ReportOverdueCode = "report_overdue";

    public static IReadOnlyList<object> Decide(GrantCommand command, Grant state) => (command, state) switch
    {
        (RecordProject or RecordAward or SignAgreement or ApproveReport or RecordReportOverdue, { Status: GrantStatus.Closed }) => [],
        (RecordProject c, { Status: GrantStatus.Pending }) when c.Project != state.Project => Open(state, c.Project, c.Call),
        (RecordProject, _) => [],
        (RecordAward c, { Award: null }) => Open(state, c.Award, c.Call),
        (RecordAward, _) => [],
        (SignAgreement c, { CountersignedAt: null }) => Sign(state, c),
        (SignAgreement, _) => [],
        (ApproveReport c, _) => AcceptReport(state, c),
        (RecordReportOverdue c, _) => Overdue(state, c),
        (PrepareTranche c, _) => Prepare(state, c),
        (ApproveTranche c, _) => Approve(state, c),
        (BatchTranche c, _) => Batch(state, c),
        (UnbatchTranche c, _) => Unbatch(state, c),
        (RecordTranchePayment c, _) => Pay(state, c),
        (MarkTrancheLate c, _) => Late(state, c),
        (FreezeGrant c, _) => Freeze(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown grant command."),
    };

    /// <summary>Several commands on one grant in one go, each decided on the state the previous ones left.</summary>
    public static IReadOnlyList<object> DecideAll(IEnumerable<GrantCommand> commands, Grant state)
    {
        var events = new List<object>();
        foreach (var command in commands)
        {
            var decided = Decide(command, state);
            events.AddRange(decided);
            state = decided.Aggregate(state, Grant.Evolve);
        }

        return events;
    }

    /// <summary>Records what arrived, then opens the grant once both the project and the award are known.</summary>
    private static List<object> Open(Grant state, object recorded, PaymentCall call)
    {
        List<object> events = [recorded];
        var after = Grant.Evolve(state, recorded);
        if (after is not { Status: GrantStatus.Pending, Project: { } project, Award: { } award })
        {
            return events;
        }

        if (!call.Known)
        {
            throw new DomainException("grant.call_unknown", $"Call {award.CallId} has not been opened here yet; its rules are needed to plan the tranches.");
        }

        var opened = new GrantOpened(
            GrantIds.For(award.ApplicationId), award.ApplicationId, award.CallId, award.OrganisationId, call.Reference, project.Title,
            award.Amount, project.StartDate, project.EndDate, call.TimeZone, call.RulesVersion, call.Payments,
            TranchePlan.For(award.Amount, project.StartDate, project.EndDate, call.Payments));
        events.Add(opened);
        after = Grant.Evolve(after, opened);
        if (after.CountersignedAt is { } signed)
        {
            events.AddRange(FirstDue(after, signed));
        }

        return events;
    }

    private static List<object> Sign(Grant state, SignAgreement c)
    {
        List<object> events = [new AgreementSigned(c.ApplicationId, c.CountersignedAt)];
        if (state.Status == GrantStatus.Open)
        {
            events.AddRange(FirstDue(Grant.Evolve(state, events[0]), c.CountersignedAt));
        }

        return events;
    }

    private static IEnumerable<object> FirstDue(Grant state, DateTimeOffset countersignedAt)
    {
        var first = state.Tranches[0];
        return Due(state, first, first.Planned, countersignedAt, "pre-financing on the countersigned agreement");
    }

    private static List<object> Overdue(Grant state, RecordReportOverdue c)
    {
        if (state.Terms is null || state.OverdueReports.Contains(c.ReportId) || state.ApprovedReports.Contains(c.ReportId))
        {
            return [];
        }

        List<object> events = [new ReportOverdueRecorded(c.ApplicationId, c.ReportId, c.Kind, c.DueDate)];
        events.AddRange(state.Tranches
            .Where(t => t.IsPending && t.BlockCode is not (ReportOverdueCode or FrozenCode))
            .Select(t => BlockedByReport(state, t)));
        return events;
    }

    private static List<object> AcceptReport(Grant state, ApproveReport c)
    {
        if (state.Terms is null || state.ApprovedReports.Contains(c.ReportId))
        {
            return [];
        }

        if (c.EligibleSpending.Currency != state.Terms.Amount.Currency)
        {
            throw new DomainException("report.currency_mismatch", $"Eligible spending is in {c.EligibleSpending.Currency}; the grant is in {state.Terms.Amount.Currency}.");
        }

        var approved = new ReportApproved(c.ApplicationId, c.ReportId, c.Kind, c.EligibleSpending, c.ApprovedAt);
        List<object> events = [approved];
        var after = Grant.Evolve(state, approved);
        if (after.OverdueReports.IsEmpty)
        {
            events.AddRange(after.Tranches
                .Where(t => t.Status == TrancheStatus.Blocked && t.BlockCode == ReportOverdueCode)
                .Select(t => new TrancheUnblocked(state.ApplicationId, t.Number, $"report {c.ReportId} approved")));
        }

        events.AddRange(c.Kind == ReportKind.Interim ? NextPreFinancing(after, c) : Close(after, c));
        return events;
    }

    private static IEnumerable<object> NextPreFinancing(Grant state, ApproveReport c)
    {
        var next = state.Tranches.Find(t => t is { Kind: TrancheKind.PreFinancing, Status: TrancheStatus.Planned });
        if (next is null || state.Tranche(next.Number - 1) is not { } previous)
        {
            return [];
        }

        var alreadyDue = state.Tranches
            .Where(t => t.Kind == TrancheKind.PreFinancing && t.Amount is not null && t.Status != TrancheStatus.Withheld)
            .Sum(t => t.Amount!.Amount);
        var (amount, basis) = TrancheAmounts.Next(
            next.Planned.Amount, previous.Amount?.Amount ?? 0m, Cents.Round(c.EligibleSpending.Amount), alreadyDue, state.Terms!.Amount.Amount, state.Terms.Rules);
        return amount > 0m
            ? Due(state, next, next.Planned with { Amount = amount }, c.ApprovedAt, basis)
            : [new TrancheWithheld(state.ApplicationId, next.Number, basis)];
    }

    private static List<object> Close(Grant state, ApproveReport c)
    {
        var terms = state.Terms!;
        List<object> events = [.. state.Tranches
            .Where(t => t.Kind == TrancheKind.PreFinancing && (t.Status == TrancheStatus.Planned || t.IsPending))
            .Select(t => new TrancheWithheld(state.ApplicationId, t.Number, "superseded by the approved final report"))];
        var disbursed = state.Tranches.Where(t => t.Kind == TrancheKind.PreFinancing && t.IsDisbursed).Sum(t => t.Amount!.Amount);
        var (balance, basis) = TrancheAmounts.Balance(Cents.Round(c.EligibleSpending.Amount), disbursed, terms.Amount.Amount);
        var last = state.Tranches.Single(t => t.Kind == TrancheKind.Balance);
        if (balance > 0m)
        {
            events.AddRange(Due(state, last, terms.Amount with { Amount = balance }, c.ApprovedAt, basis));
            return events;
        }

        events.Add(new TrancheWithheld(state.ApplicationId, last.Number, basis));
        var recovered = terms.Amount with { Amount = -balance };
        if (balance < 0m)
        {
            events.Add(new RecoveryOrdered(state.ApplicationId, recovered, basis));
        }

        // Pre-financing in a batch the bank has not confirmed yet counts as paid: it is on its way.
        events.Add(new GrantClosed(state.ApplicationId, terms.Amount with { Amount = disbursed }, recovered, c.ApprovedAt));
        return events;
    }

    private static IEnumerable<object> Due(Grant state, Tranche tranche, Money amount, DateTimeOffset from, string basis)
    {
        var terms = state.Terms!;
        var payBy = PaymentDeadline.PayBy(from, terms.TimeZone, terms.Rules.PaymentDeadlineDays);
        var due = new TrancheDue(state.ApplicationId, tranche.Number, amount, payBy, PaymentDeadline.LateFrom(payBy, terms.TimeZone), basis);
        return (state.FrozenReason, state.OverdueReports.IsEmpty) switch
        {
            (not null, _) => [due, BlockedByFreeze(state, tranche)],
            (null, false) => [due, BlockedByReport(state, tranche)],
            (null, true) => [due],
        };
    }

    private static TrancheBlocked BlockedByReport(Grant state, Tranche tranche) =>
        new(state.ApplicationId, tranche.Number, ReportOverdueCode,
            $"report {string.Join(", ", state.OverdueReports.Order())} is overdue: no payment until it is approved", []);
}

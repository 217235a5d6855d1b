using Grants.Applications.Applications;
using Grants.Applications.Calls;
using Grants.Contracts.Reports;

namespace Grants.Applications.Grants;

/// <summary>
/// Derives an agreement's report dates from the call's report plan and the project's dates; pure. Its
/// tranches are the ledger's: Payments plans them and says so on GrantOpened.
/// </summary>
public static class AgreementPlanner
{
    /// <summary>An interim report is due this long after the period it covers.</summary>
    public const int InterimDueMonthsAfterPeriod = 1;

    /// <param name="tranches">The ledger's tranches when Payments has already opened the grant, otherwise none yet.</param>
    public static AgreementTerms Terms(Guid applicationId, ApplicationContent content, CallRules rules, Money amount, IReadOnlyList<TrancheTerm> tranches)
    {
        var start = content.StartDate!.Value;
        var end = content.EndDate!.Value;
        return new AgreementTerms(amount, start, end, tranches, Reports(applicationId, start, end, rules, amount), rules.ReportPlan.ReminderDaysBefore);
    }

    private static List<ScheduledReport> Reports(Guid applicationId, DateOnly start, DateOnly end, CallRules rules, Money amount)
    {
        var plan = rules.ReportPlan;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZone);
        var reports = new List<ScheduledReport>();
        for (var months = plan.InterimEveryMonths; plan.InterimEveryMonths > 0 && start.AddMonths(months) <= end; months += plan.InterimEveryMonths)
        {
            var periodEnd = start.AddMonths(months).AddDays(-1);
            reports.Add(Report(applicationId, reports.Count + 1, ReportKind.Interim, periodEnd, periodEnd.AddMonths(InterimDueMonthsAfterPeriod), zone, false));
        }

        var audit = amount.Amount >= plan.AuditRequiredFrom.Amount;
        reports.Add(Report(applicationId, reports.Count + 1, ReportKind.Final, end, end.AddMonths(plan.FinalMonthsAfterEnd), zone, audit));
        return reports;
    }

    /// <summary>A report is due by the end of its due date where the call's deadlines are kept.</summary>
    private static ScheduledReport Report(Guid applicationId, int number, ReportKind kind, DateOnly periodEnd, DateOnly due, TimeZoneInfo zone, bool audit)
    {
        var endOfDay = due.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var dueAt = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay)).ToUniversalTime();
        return new ScheduledReport(ReportIds.For(applicationId, number), number, kind, periodEnd, due, dueAt, audit);
    }
}

public static class ReportIds
{
    public static Guid For(Guid applicationId, int number) => DeterministicIds.For("report", $"{applicationId}/{number}");
}

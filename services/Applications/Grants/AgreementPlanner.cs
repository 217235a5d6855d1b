using Grants.Applications.Applications;
using Grants.Applications.Calls;
using Grants.Contracts.Reports;

namespace Grants.Applications.Grants;

/// <summary>Derives an agreement's tranches and report dates from the call's plans and the project's dates; pure.</summary>
public static class AgreementPlanner
{
    /// <summary>An interim report is due this long after the period it covers.</summary>
    public const int InterimDueMonthsAfterPeriod = 1;

    public static AgreementTerms Terms(Guid applicationId, ApplicationContent content, CallRules rules, Money amount)
    {
        var start = content.StartDate!.Value;
        var end = content.EndDate!.Value;
        return new AgreementTerms(amount, start, end, Tranches(rules.TranchePlan, amount), Reports(applicationId, start, end, rules, amount), rules.ReportPlan.ReminderDaysBefore);
    }

    /// <summary>Each share rounded to the cent; the last takes what rounding left, so the tranches add up to the award exactly.</summary>
    private static List<TrancheTerm> Tranches(IReadOnlyList<TrancheRule> plan, Money amount)
    {
        var tranches = plan.Select(t => new TrancheTerm(t.Number, amount with { Amount = decimal.Round(amount.Amount * t.Percent / 100m, 2) }, t.Condition)).ToList();
        var rest = amount.Amount - tranches.Sum(t => t.Amount.Amount);
        tranches[^1] = tranches[^1] with { Amount = amount with { Amount = tranches[^1].Amount.Amount + rest } };
        return tranches;
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

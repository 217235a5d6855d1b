using Grants.Applications.Applications;
using Grants.Contracts.Reports;

namespace Grants.Applications.Reports;

public sealed record SpentAmount(int BudgetLine, decimal Amount);

public abstract record ReportCommand
{
    /// <summary>From the schedule; may fire twice, or late.</summary>
    public sealed record SendReminder(int DaysBefore, DateTimeOffset Now) : ReportCommand;

    public sealed record MarkOverdue(DateTimeOffset Now) : ReportCommand;

    public sealed record AddAttachment(Attachment Attachment, Actor By) : ReportCommand;

    public sealed record Submit(string Narrative, IReadOnlyList<SpentAmount> Spending, Guid? AuditAttachmentId, Actor By, DateTimeOffset Now) : ReportCommand;

    public sealed record RecordAssessment(ReportOutcome Outcome, Money? EligibleSpending, IReadOnlyList<string> Remarks, Actor By, DateTimeOffset Now) : ReportCommand;
}

public static class ReportDecider
{
    private static readonly ReportStatus[] Open = [ReportStatus.Due, ReportStatus.Overdue, ReportStatus.ChangesRequested];

    public static IReadOnlyList<object> Decide(ReportCommand command, Report state) => (command, state) switch
    {
        (ReportCommand.Submit or ReportCommand.AddAttachment, { Schedule: null }) => throw new DomainException("report.not_found", "No such report.", DomainErrorKind.NotFound),
        (_, { Schedule: null }) => [],

        (ReportCommand.SendReminder c, { Status: ReportStatus.Due, Schedule: { } due })
            when !state.RemindersSent.Contains(c.DaysBefore) && c.Now < due.DueAt => [new ReportReminderSent(due.ReportId, c.DaysBefore, c.Now)],
        (ReportCommand.SendReminder, _) => [],

        (ReportCommand.MarkOverdue c, { Status: ReportStatus.Due, Schedule: { } due }) when c.Now >= due.DueAt =>
            [new ReportOverdueMarked(due.ReportId, due.ApplicationId, due.Kind, due.DueDate, c.Now)],
        (ReportCommand.MarkOverdue, _) => [],

        (ReportCommand.AddAttachment c, _) when Open.Contains(state.Status) => [new ReportAttachmentAdded(c.Attachment, c.By)],
        (ReportCommand.Submit c, _) when Open.Contains(state.Status) => Submit(c, state),
        (ReportCommand.Submit or ReportCommand.AddAttachment, _) => throw new DomainException("report.not_open", $"A report that is {state.Status} cannot be changed."),

        (ReportCommand.RecordAssessment c, { Status: ReportStatus.Submitted }) => [new ReportAssessmentReceived(c.Outcome, c.EligibleSpending, c.Remarks, c.By, c.Now)],
        (ReportCommand.RecordAssessment, _) => [],
        _ => throw new InvalidOperationException($"Unhandled report command {command.GetType().Name}."),
    };

    private static IReadOnlyList<object> Submit(ReportCommand.Submit c, Report state)
    {
        var schedule = state.Schedule!;
        var violations = new List<Violation>();
        foreach (var line in c.Spending.Where(s => s.BudgetLine < 0 || s.BudgetLine >= schedule.Budget.Count))
        {
            violations.Add(new Violation("report.unknown_budget_line", "spending", $"Budget line {line.BudgetLine} does not exist."));
        }

        if (c.Spending.GroupBy(s => s.BudgetLine).Any(g => g.Count() > 1))
        {
            violations.Add(new Violation("report.budget_line_twice", "spending", "Each budget line is reported once."));
        }

        if (schedule is { AuditRequired: true, Kind: ReportKind.Final } && !state.Attachments.Any(a => a.Id == c.AuditAttachmentId))
        {
            violations.Add(new Violation("report.audit_required", "auditAttachmentId",
                "The final report of a grant this size needs an external audit report; attach it and name it here."));
        }

        if (c.AuditAttachmentId is { } audit && state.Attachments.All(a => a.Id != audit))
        {
            violations.Add(new Violation("report.unknown_attachment", "auditAttachmentId", "No attachment of this report has this id."));
        }

        if (violations.Count > 0)
        {
            throw new RulesViolatedException("report.not_acceptable", $"The report breaks {violations.Count} rule(s); nothing was submitted.", violations);
        }

        var spent = c.Spending.ToDictionary(s => s.BudgetLine, s => s.Amount);
        var lines = schedule.Budget.Select((b, i) => new SpendingLine(i, b.Category, b.Description, b.Amount, spent.GetValueOrDefault(i))).ToList();
        return [new ReportSubmittedEvent(schedule.ReportId, schedule.ApplicationId, schedule.Kind, schedule.PeriodEnd, c.Narrative, lines,
            new Money(lines.Sum(l => l.Spent), schedule.Currency), c.AuditAttachmentId, c.By, c.Now)];
    }
}

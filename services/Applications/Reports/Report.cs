using Grants.Applications.Applications;
using Grants.Contracts.Reports;

namespace Grants.Applications.Reports;

public enum ReportStatus
{
    None,
    Due,
    Overdue,
    Submitted,
    ChangesRequested,
    Approved,
}

/// <summary>Actual spending against one budget line of the application, by its position in the budget.</summary>
public sealed record SpendingLine(int BudgetLine, string Category, string Description, decimal Budgeted, decimal Spent);

public sealed record ReportScheduled(
    Guid ReportId, Guid ApplicationId, Guid OrganisationId, int Number, ReportKind Kind, DateOnly PeriodEnd, DateOnly DueDate, DateTimeOffset DueAt,
    bool AuditRequired, IReadOnlyList<int> ReminderDaysBefore, IReadOnlyList<BudgetLine> Budget, string Currency);

public sealed record ReportReminderSent(Guid ReportId, int DaysBefore, DateTimeOffset At);

public sealed record ReportOverdueMarked(Guid ReportId, Guid ApplicationId, ReportKind Kind, DateOnly DueDate, DateTimeOffset At);

public sealed record ReportAttachmentAdded(Attachment Attachment, Actor By);

public sealed record ReportSubmittedEvent(
    Guid ReportId, Guid ApplicationId, ReportKind Kind, DateOnly PeriodEnd, string Narrative, IReadOnlyList<SpendingLine> Spending,
    Money DeclaredSpending, Guid? AuditAttachmentId, Actor By, DateTimeOffset At);

public sealed record ReportAssessmentReceived(ReportOutcome Outcome, Money? EligibleSpending, IReadOnlyList<string> Remarks, Actor AssessedBy, DateTimeOffset At);

public sealed record Report(
    ReportScheduled? Schedule, ReportStatus Status, IReadOnlyList<int> RemindersSent, IReadOnlyList<Attachment> Attachments,
    ReportSubmittedEvent? Submission, ReportAssessmentReceived? Assessment) : IEventSourced<Report>
{
    public static Report Initial { get; } = new(null, ReportStatus.None, [], [], null, null);

    public static Report Evolve(Report state, object @event) => @event switch
    {
        ReportScheduled e => Initial with { Schedule = e, Status = ReportStatus.Due },
        ReportReminderSent e => state with { RemindersSent = [.. state.RemindersSent, e.DaysBefore] },
        ReportOverdueMarked => state with { Status = ReportStatus.Overdue },
        ReportAttachmentAdded e => state with { Attachments = [.. state.Attachments, e.Attachment] },
        ReportSubmittedEvent e => state with { Status = ReportStatus.Submitted, Submission = e },
        ReportAssessmentReceived e => state with
        {
            Status = e.Outcome == ReportOutcome.Approved ? ReportStatus.Approved : ReportStatus.ChangesRequested,
            Assessment = e,
        },
        _ => state,
    };
}

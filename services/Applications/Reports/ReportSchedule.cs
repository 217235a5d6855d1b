using Grants.Hosting.Scheduling;

namespace Grants.Applications.Reports;

/// <summary>What the schedule sends about a report: a reminder some days before it is due, or the news that it is overdue.</summary>
public sealed record RemindOfReport(Guid ReportId, int DaysBefore);

public sealed record MarkReportOverdue(Guid ReportId);

public sealed class ReportScheduleHandler(EventStore store, TimeProvider time)
    : IScheduledCommandHandler<RemindOfReport>, IScheduledCommandHandler<MarkReportOverdue>
{
    public static IEnumerable<ScheduleChange> Schedule(StoredEvent e) => e.Data switch
    {
        ReportScheduled s => [
            .. s.ReminderDaysBefore.Select(days => new ScheduleChange.Send(ReminderKey(s.ReportId, days), new RemindOfReport(s.ReportId, days), s.DueAt.AddDays(-days))),
            new ScheduleChange.Send(OverdueKey(s.ReportId), new MarkReportOverdue(s.ReportId), s.DueAt)],
        ReportSubmittedEvent s => [new ScheduleChange.Cancel(OverdueKey(s.ReportId))],
        _ => [],
    };

    public Task Handle(RemindOfReport command, ScheduledFiring firing, CancellationToken ct) =>
        Decide(command.ReportId, new ReportCommand.SendReminder(command.DaysBefore, Now(firing)), ct);

    public Task Handle(MarkReportOverdue command, ScheduledFiring firing, CancellationToken ct) =>
        Decide(command.ReportId, new ReportCommand.MarkOverdue(Now(firing)), ct);

    private async Task Decide(Guid reportId, ReportCommand command, CancellationToken ct)
    {
        var session = store.OpenSession(new EventMetadata(null, null, "scheduler", null, null, "job"));
        await Streams.Decide<Report>(session, reportId, ReportStreams.StreamType, null, s => ReportDecider.Decide(command, s), ct);
    }

    // The trigger fired because its instant came; a clock a hair behind the scheduler's must not undo that.
    private DateTimeOffset Now(ScheduledFiring firing) => time.GetUtcNow() > firing.ScheduledFor ? time.GetUtcNow() : firing.ScheduledFor;

    private static string ReminderKey(Guid reportId, int days) => $"report-{reportId}-reminder-{days}";

    private static string OverdueKey(Guid reportId) => $"report-{reportId}-overdue";
}

using Grants.Hosting.Scheduling;

namespace Grants.Review.Cases;

public sealed record ReviewReminderDue(Guid ApplicationId, string ReviewerId, DateTimeOffset DueAt);

public sealed record ReviewDeadlinePassed(Guid ApplicationId, string ReviewerId, DateTimeOffset DueAt);

/// <summary>
/// A reminder some days before each review is due and a flag when it is overdue, scheduled in the
/// transaction that assigns the reviewer and cancelled when the sheet arrives or the reviewer leaves.
/// </summary>
public static class ReviewDueDates
{
    public static readonly TimeSpan ReminderAhead = TimeSpan.FromDays(3);

    public static ScheduleFromEvents Projection(ICommandScheduler scheduler) => new("review-due-dates", scheduler, Changes);

    public static IEnumerable<ScheduleChange> Changes(StoredEvent e) => e.Data switch
    {
        ReviewerAssigned a => Assigned(e.StreamId, a),
        ReviewerRemoved r => Cancel(e.StreamId, r.ReviewerId),
        ScoreSheetSubmitted s => Cancel(e.StreamId, s.ReviewerId),
        _ => [],
    };

    private static IEnumerable<ScheduleChange> Assigned(Guid applicationId, ReviewerAssigned a)
    {
        // A review period shorter than the reminder's lead time gets no reminder, only the deadline.
        if (a.DueAt - ReminderAhead > a.At)
        {
            yield return new ScheduleChange.Send(
                ReminderKey(applicationId, a.ReviewerId), new ReviewReminderDue(applicationId, a.ReviewerId, a.DueAt), a.DueAt - ReminderAhead);
        }

        yield return new ScheduleChange.Send(
            OverdueKey(applicationId, a.ReviewerId), new ReviewDeadlinePassed(applicationId, a.ReviewerId, a.DueAt), a.DueAt);
    }

    public static string ReminderKey(Guid applicationId, string reviewerId) => $"review-reminder-{applicationId:N}-{reviewerId}";

    public static string OverdueKey(Guid applicationId, string reviewerId) => $"review-overdue-{applicationId:N}-{reviewerId}";

    private static ScheduleChange[] Cancel(Guid applicationId, string reviewerId) =>
        [new ScheduleChange.Cancel(ReminderKey(applicationId, reviewerId)), new ScheduleChange.Cancel(OverdueKey(applicationId, reviewerId))];
}

/// <summary>The firing's own instant is the command's time: it is when the scheduler found the deadline reached.</summary>
public sealed class SendReviewReminder(ReviewCases cases) : IScheduledCommandHandler<ReviewReminderDue>
{
    public Task Handle(ReviewReminderDue command, ScheduledFiring firing, CancellationToken ct) =>
        cases.Run(command.ApplicationId, new EventMetadata(command.ApplicationId, Source: "job:review-reminder"), null,
            _ => Task.FromResult<CaseCommand>(new RemindReviewer(command.ReviewerId, command.DueAt, firing.FiredAt)), ct);
}

public sealed class FlagOverdueReviewer(ReviewCases cases) : IScheduledCommandHandler<ReviewDeadlinePassed>
{
    public Task Handle(ReviewDeadlinePassed command, ScheduledFiring firing, CancellationToken ct) =>
        cases.Run(command.ApplicationId, new EventMetadata(command.ApplicationId, Source: "job:review-overdue"), null,
            _ => Task.FromResult<CaseCommand>(new FlagOverdueReview(command.ReviewerId, command.DueAt, firing.FiredAt)), ct);
}

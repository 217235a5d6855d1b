using Grants.Hosting.Scheduling;

namespace Grants.Applications.Calls;

/// <summary>What the schedule sends at a call's submission deadline.</summary>
public sealed record CloseCallAtDeadline(Guid CallId);

public sealed class CloseCallAtDeadlineHandler(EventStore store, TimeProvider time) : IScheduledCommandHandler<CloseCallAtDeadline>
{
    public const string Name = "calls.close_at_deadline";

    public static IEnumerable<ScheduleChange> Schedule(StoredEvent e) => e.Data switch
    {
        CallOpened opened => [new ScheduleChange.Send(Key(opened.CallId), new CloseCallAtDeadline(opened.CallId), opened.Rules.SubmissionDeadline)],
        CallClosed { Early: true } closed => [new ScheduleChange.Cancel(Key(closed.CallId))],
        _ => [],
    };

    public async Task Handle(CloseCallAtDeadline command, ScheduledFiring firing, CancellationToken ct)
    {
        // The trigger fired because its instant came; a clock a hair behind the scheduler's must not keep the call open.
        var now = time.GetUtcNow() > firing.ScheduledFor ? time.GetUtcNow() : firing.ScheduledFor;
        var session = store.OpenSession(new EventMetadata(command.CallId, null, "scheduler", null, null, "job"));
        await Streams.Decide<Call>(session, command.CallId, "call", null, s => CallDecider.Decide(new CallCommand.CloseAtDeadline(now), s), ct);
    }

    private static string Key(Guid callId) => $"call-close-{callId}";
}

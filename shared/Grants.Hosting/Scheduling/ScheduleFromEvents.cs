using Grants.EventSourcing;

namespace Grants.Hosting.Scheduling;

/// <summary>What an event asks of the schedule.</summary>
public abstract record ScheduleChange(string Key)
{
    public sealed record Send(string Key, object Command, DateTimeOffset At) : ScheduleChange(Key);

    public sealed record Cancel(string Key) : ScheduleChange(Key);
}

/// <summary>
/// Keeps scheduled commands in step with the events that call for them, so a deadline exists if and
/// only if its event does. The trigger is written in the projection's own transaction: inline, that
/// is the appending transaction; through a subscription, the one that advances the checkpoint, so
/// each change is made exactly once, a moment later. Both work because the job store joins that one
/// Npgsql transaction; a TransactionScope over two connections would need a distributed
/// transaction, which Npgsql does not support.
/// </summary>
public sealed class ScheduleFromEvents(
    string name, ICommandScheduler scheduler, Func<StoredEvent, IEnumerable<ScheduleChange>> changes, IReadOnlySet<string>? eventTypes = null)
    : IProjection
{
    public string Name => name;

    /// <summary>Run by a subscription, only the events that can change a schedule are read from the log.</summary>
    public IReadOnlySet<string>? EventTypes => eventTypes;

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var change in events.SelectMany(changes))
        {
            switch (change)
            {
                case ScheduleChange.Send send:
                    await scheduler.Schedule(send.Key, send.Command, send.At, context.Transaction, ct);
                    break;
                case ScheduleChange.Cancel cancel:
                    await scheduler.Unschedule(cancel.Key, context.Transaction, ct);
                    break;
            }
        }
    }

    // Nothing to clear: a replay sends and cancels the same keys again, replacing what is stored, and
    // a command re-sent for an instant already past finds its decider has acted on it before.
    public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}

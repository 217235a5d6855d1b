using Grants.Hosting.Scheduling;

namespace Grants.Payments.Grants;

/// <summary>What the schedule sends when a tranche's pay-by day is over.</summary>
public sealed record TrancheDeadlinePassed(Guid GrantId, int Number);

/// <summary>
/// A due tranche has a trigger at the end of its pay-by day; paying or withholding it removes the
/// trigger. Firing twice, or after the tranche was paid, changes nothing: the decider checks.
/// </summary>
public sealed class LateTranches(EventStore store, TimeProvider time) : IScheduledCommandHandler<TrancheDeadlinePassed>
{
    public const string CommandName = "payments.tranche-deadline-passed";

    public static IEnumerable<ScheduleChange> Changes(StoredEvent stored) => stored.Data switch
    {
        TrancheDue e => [new ScheduleChange.Send(Key(stored.StreamId, e.Number), new TrancheDeadlinePassed(stored.StreamId, e.Number), e.LateFrom)],
        TranchePaid e => [new ScheduleChange.Cancel(Key(stored.StreamId, e.Number))],
        TrancheWithheld e => [new ScheduleChange.Cancel(Key(stored.StreamId, e.Number))],
        _ => [],
    };

    public async Task Handle(TrancheDeadlinePassed command, ScheduledFiring firing, CancellationToken ct)
    {
        var session = store.OpenSession(new EventMetadata(Source: $"job:{firing.Key}"));
        var grant = await session.FetchForWriting<Grant>(command.GrantId, ct);
        var events = GrantDecider.Decide(new MarkTrancheLate(command.GrantId, command.Number, time.GetUtcNow()), grant.State);
        session.Write(command.GrantId, GrantStream.Type, grant.Version, events);
        await session.SaveChanges(ct);
    }

    public static string Key(Guid grantId, int number) => $"tranche-late-{grantId:N}-{number}";
}

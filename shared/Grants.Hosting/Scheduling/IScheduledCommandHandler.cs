namespace Grants.Hosting.Scheduling;

/// <summary>
/// Runs a scheduled command against this service's decider. A trigger can fire twice (a clustered
/// store recovering a misfire, a node dying mid-run), so a command that has already taken effect
/// must succeed without effect; a handler that throws is retried with backoff.
/// </summary>
public interface IScheduledCommandHandler<in TCommand>
{
    Task Handle(TCommand command, ScheduledFiring firing, CancellationToken ct);
}

/// <param name="Key">What the command was scheduled under.</param>
/// <param name="ScheduledFor">The instant it was due; late when the service was down or busy.</param>
/// <param name="FiredAt">When this firing started.</param>
public sealed record ScheduledFiring(string Key, DateTimeOffset ScheduledFor, DateTimeOffset FiredAt);

using Npgsql;

namespace Grants.Hosting.Scheduling;

/// <summary>
/// Sends a command to this service's own decider at an instant, through the service's clustered
/// scheduler. One trigger per key: scheduling a key again replaces its command and instant.
/// </summary>
public interface ICommandScheduler
{
    Task Schedule(string key, object command, DateTimeOffset at, CancellationToken ct);

    /// <summary>Stores the trigger in the caller's transaction, so it exists if and only if that transaction commits.</summary>
    Task Schedule(string key, object command, DateTimeOffset at, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>False when nothing is scheduled under the key, including when it has already fired.</summary>
    Task<bool> Unschedule(string key, CancellationToken ct);

    /// <inheritdoc cref="Unschedule(string, CancellationToken)"/>
    Task<bool> Unschedule(string key, NpgsqlTransaction transaction, CancellationToken ct);
}

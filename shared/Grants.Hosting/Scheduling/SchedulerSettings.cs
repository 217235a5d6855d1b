namespace Grants.Hosting.Scheduling;

/// <summary>
/// One clustered scheduler per service: every instance of the service uses the same name and the same
/// tables in the service's schema, and Quartz makes sure only one of them fires a given trigger.
/// </summary>
public sealed record SchedulerSettings(string SchedulerName, string Schema)
{
    /// <summary>Unique within the cluster; left null, Quartz derives one from the host name and the start time.</summary>
    public string? InstanceId { get; init; }

    /// <summary>
    /// How long an idle node waits before looking again for due triggers. A trigger stored by another
    /// node, or in a transaction that commits after it was signalled, is noticed within this time.
    /// </summary>
    public TimeSpan IdleWaitTime { get; init; } = TimeSpan.FromSeconds(5);
}

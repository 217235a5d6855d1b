namespace Grants.Hosting.Scheduling;

/// <summary>Whether this instance's scheduler is running; readiness stays false until it is.</summary>
public sealed class SchedulerReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    internal void Set(bool ready) => _ready = ready;
}

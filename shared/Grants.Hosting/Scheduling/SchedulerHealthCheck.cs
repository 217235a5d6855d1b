using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Hosting.Scheduling;

internal sealed class SchedulerHealthCheck(SchedulerReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The scheduler has not started: its tables are not in place yet or it has shut down."));
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Testing;

/// <summary>
/// Waits until a host in this process is ready as <c>/health/ready</c> would say: schema migrated,
/// scheduler started, and the bus with every receive endpoint bound. A message published before the
/// consumers' queues are bound to their exchanges is dropped by the broker, so tests wait for all of it.
/// </summary>
public static class HostReadiness
{
    public static async Task UntilReady(this IServiceProvider services, string host, int seconds = 60)
    {
        var health = services.GetRequiredService<HealthCheckService>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
            if (report.Status != HealthStatus.Unhealthy)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var unready = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
                throw new InvalidOperationException($"{host} was not ready within {seconds} s ({string.Join("; ", unready)}).");
            }

            await Task.Delay(100);
        }
    }
}

using Grants.Hosting.Scheduling;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Grants.Hosting.Tests;

/// <summary>One instance of a service as far as scheduling goes: the kit's scheduler in a host of its own.</summary>
public sealed class SchedulerNode : IAsyncDisposable
{
    public const string SchedulerName = "grants-test";

    private readonly IHost _host;

    private SchedulerNode(IHost host) => _host = host;

    public ICommandScheduler Commands => _host.Services.GetRequiredService<ICommandScheduler>();

    public bool IsReady => _host.Services.GetRequiredService<SchedulerReadiness>().IsReady;

    public ValueTask<IScheduler> Quartz() => _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Starts a node and waits until its scheduler runs.</summary>
    public static async Task<SchedulerNode> Start(TestSchema schema, Firings firings, string instanceId, TimeProvider? time = null)
    {
        var node = Create(schema, firings, instanceId, time ?? TimeProvider.System);
        await node._host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!node.IsReady)
        {
            Assert.True(DateTime.UtcNow < deadline, $"scheduler node {instanceId} did not start");
            await Task.Delay(50);
        }

        return node;
    }

    private static SchedulerNode Create(TestSchema schema, Firings firings, string instanceId, TimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // Quartz runs on the container's clock, as the services' does (ServiceDefaults registers one).
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(schema.DataSource);
        builder.Services.AddSingleton(firings);
        builder.Services.AddSingleton(new NodeName(instanceId));
        // Short idle waits so a node notices triggers another node stored within a second.
        builder.Services.AddGrantsScheduler(new SchedulerSettings(SchedulerName, schema.Name)
        {
            InstanceId = instanceId,
            IdleWaitTime = TimeSpan.FromSeconds(1),
        });
        builder.Services.AddScheduledCommand<Ping, RecordPing>("test.ping");
        return new SchedulerNode(builder.Build());
    }

    public Task Stop() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

using System.Diagnostics;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Messaging.Tests;

public sealed class When_the_broker_restarts
{
    [Fact]
    public async Task Should_resume_publishing_and_consuming_with_nothing_lost()
    {
        // A broker of its own: stopping the shared one would disturb every other test.
        await using var broker = await RabbitMqServer.Start();
        await using var publisherSchema = await TestPostgres.NewSchema();
        await using var consumerSchema = await TestPostgres.NewSchema();
        await using var consumer = await KitHost.Start("tally", consumerSchema, broker.Endpoint.Amqp, Relay.Consumer);
        await using var publisher = await KitHost.Start("relay", publisherSchema, broker.Endpoint.Amqp, Relay.Publisher);
        var counters = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var versions = new long[counters.Count];

        async Task TickFor(TimeSpan period)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < period)
            {
                for (var i = 0; i < counters.Count; i++)
                {
                    await Relay.Tick(publisher.Store, counters[i], versions[i]++);
                }

                await Task.Delay(50);
            }
        }

        await TickFor(TimeSpan.FromSeconds(2));
        await broker.StopBroker();
        await TickFor(TimeSpan.FromSeconds(10));
        var whileDown = await Ready(publisher);
        await broker.StartBroker();
        await TickFor(TimeSpan.FromSeconds(2));

        var expected = versions.Sum();
        Assert.Equal(expected, await Relay.EffectsWithin(consumerSchema, expected, TimeSpan.FromSeconds(120)));
        Assert.NotEqual(HealthStatus.Healthy, whileDown);
        Assert.Equal(HealthStatus.Healthy, await ReadyWithin(publisher, TimeSpan.FromSeconds(60)));
        Assert.Equal(HealthStatus.Healthy, await ReadyWithin(consumer, TimeSpan.FromSeconds(60)));
        for (var i = 0; i < counters.Count; i++)
        {
            var tally = await consumer.Store.AggregateStream<Tally>(counters[i]);
            Assert.Equal(Enumerable.Range(1, (int)versions[i]).Select(v => (long)v), tally.State.Versions);
        }
    }

    private static async Task<HealthStatus> Ready(KitHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"))).Status;

    private static async Task<HealthStatus> ReadyWithin(KitHost host, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        HealthStatus status;
        while ((status = await Ready(host)) != HealthStatus.Healthy && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return status;
    }
}

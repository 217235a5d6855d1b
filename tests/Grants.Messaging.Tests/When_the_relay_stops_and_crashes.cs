using Grants.EventSourcing;
using Grants.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Messaging.Tests;

public sealed class When_the_relay_stops_and_crashes
{
    private const int Counters = 100;
    private const int TicksEach = 50;

    [Fact]
    public async Task Should_deliver_every_event_exactly_once_in_stream_order()
    {
        await using var vhost = await TestRabbitMq.NewVirtualHost();
        await using var publisherSchema = await TestPostgres.NewSchema();
        await using var consumerSchema = await TestPostgres.NewSchema();
        await using var consumer = await KitHost.Start("tally", consumerSchema, vhost.Amqp, Relay.Consumer);
        var store = Relay.StoreOf(publisherSchema, Relay.Publisher);
        await store.EnsureSchema(CancellationToken.None);
        var counters = Enumerable.Range(0, Counters).Select(_ => Guid.NewGuid()).ToList();
        var round = 0L;

        async Task TickRounds(int rounds)
        {
            for (var r = 0; r < rounds; r++, round++)
            {
                foreach (var counter in counters)
                {
                    await Relay.Tick(store, counter, round);
                }
            }
        }

        await using (await KitHost.Start("relay", publisherSchema, vhost.Amqp, Relay.Publisher))
        {
            await TickRounds(10);
        }

        await TickRounds(10);
        await using (var crashing = await KitHost.Start("relay", publisherSchema, vhost.Amqp, Relay.Publisher))
        {
            crashing.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Relay.CrashAfter(1234));
            await TickRounds(10);
            await Task.Delay(500);
        }

        await TickRounds(10);
        await using var last = await KitHost.Start("relay", publisherSchema, vhost.Amqp, Relay.Publisher);
        await TickRounds(10);

        Assert.Equal(Counters * TicksEach, await Relay.EffectsWithin(consumerSchema, Counters * TicksEach, TimeSpan.FromSeconds(120)));
        var consumerStore = consumer.Store;
        foreach (var counter in counters)
        {
            var tally = await consumerStore.AggregateStream<Tally>(counter);
            Assert.Equal(Enumerable.Range(1, TicksEach).Select(v => (long)v), tally.State.Versions);
        }
    }

    [Fact]
    public async Task Should_let_one_of_two_instances_relay_and_the_other_take_over()
    {
        await using var vhost = await TestRabbitMq.NewVirtualHost();
        await using var publisherSchema = await TestPostgres.NewSchema();
        await using var consumerSchema = await TestPostgres.NewSchema();
        await using var consumer = await KitHost.Start("tally", consumerSchema, vhost.Amqp, Relay.Consumer);
        var store = Relay.StoreOf(publisherSchema, Relay.Publisher);
        await store.EnsureSchema(CancellationToken.None);
        var one = await KitHost.Start("relay", publisherSchema, vhost.Amqp, Relay.Publisher);
        await using var two = await KitHost.Start("relay", publisherSchema, vhost.Amqp, Relay.Publisher);
        var publishedByOne = new Relay.Published();
        var publishedByTwo = new Relay.Published();
        one.Services.GetRequiredService<IBus>().ConnectPublishObserver(publishedByOne);
        two.Services.GetRequiredService<IBus>().ConnectPublishObserver(publishedByTwo);
        var counters = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        for (var version = 0; version < 10; version++)
        {
            foreach (var counter in counters)
            {
                await Relay.Tick(store, counter, version);
            }
        }

        Assert.Equal(200, await Relay.EffectsWithin(consumerSchema, 200, TimeSpan.FromSeconds(60)));
        await one.DisposeAsync();
        for (var version = 10; version < 20; version++)
        {
            foreach (var counter in counters)
            {
                await Relay.Tick(store, counter, version);
            }
        }

        Assert.Equal(400, await Relay.EffectsWithin(consumerSchema, 400, TimeSpan.FromSeconds(60)));
        Assert.Equal(400, publishedByOne.Count + publishedByTwo.Count);
        Assert.True(publishedByTwo.Count >= 200, "the surviving instance relayed everything after the other stopped");
    }
}

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
        await using var scene = await RelayScene.Start();
        var counters = Enumerable.Range(0, Counters).Select(_ => Guid.NewGuid()).ToList();

        await using (await scene.StartRelay())
        {
            await scene.TickRounds(counters, 0, 10);
        }

        await scene.TickRounds(counters, 10, 10);
        await using (var crashing = await scene.StartRelay())
        {
            crashing.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Relay.CrashAfter(1234));
            await scene.TickRounds(counters, 20, 10);
            await Task.Delay(500);
        }

        await scene.TickRounds(counters, 30, 10);
        await using var last = await scene.StartRelay();
        await scene.TickRounds(counters, 40, 10);

        Assert.Equal(Counters * TicksEach, await Relay.EffectsWithin(scene.ConsumerSchema, Counters * TicksEach, TimeSpan.FromSeconds(120)));
        foreach (var counter in counters)
        {
            var tally = await scene.Consumer.Store.AggregateStream<Tally>(counter);
            Assert.Equal(Enumerable.Range(1, TicksEach).Select(v => (long)v), tally.State.Versions);
        }
    }

    [Fact]
    public async Task Should_let_one_of_two_instances_relay_and_the_other_take_over()
    {
        await using var scene = await RelayScene.Start();
        var one = await scene.StartRelay();
        await using var two = await scene.StartRelay();
        var publishedByOne = new Relay.Published();
        var publishedByTwo = new Relay.Published();
        one.Services.GetRequiredService<IBus>().ConnectPublishObserver(publishedByOne);
        two.Services.GetRequiredService<IBus>().ConnectPublishObserver(publishedByTwo);
        var counters = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        await scene.TickRounds(counters, 0, 10);
        Assert.Equal(200, await Relay.EffectsWithin(scene.ConsumerSchema, 200, TimeSpan.FromSeconds(60)));
        await one.DisposeAsync();
        await scene.TickRounds(counters, 10, 10);

        Assert.Equal(400, await Relay.EffectsWithin(scene.ConsumerSchema, 400, TimeSpan.FromSeconds(60)));
        Assert.Equal(400, publishedByOne.Count + publishedByTwo.Count);
        Assert.True(publishedByTwo.Count >= 200, "the surviving instance relayed everything after the other stopped");
    }
}

using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Messaging.Tests;

public sealed class When_numbered_messages_arrive_out_of_order
{
    private const string Sequence = "Grants-Sequence";

    [Fact]
    public async Task Should_take_effect_in_the_relay_order_once_each_and_park_a_poison_message_without_stopping()
    {
        await using var scene = await RelayScene.Start();
        var bus = scene.Consumer.Services.GetRequiredService<IBus>();
        var counter = Guid.NewGuid();
        var ticks = Enumerable.Range(1, 5).Select(v => new TickRelayed
        {
            MessageId = Guid.NewGuid(), CorrelationId = counter, Counter = counter, Version = v, Poison = v == 4,
        }).ToList();

        // Numbers 3, 5, 1, a second copy of 3, then 2 and the poisoned 4.
        foreach (var tick in new[] { ticks[2], ticks[4], ticks[0], ticks[2], ticks[1], ticks[3] })
        {
            await bus.Publish(tick, send =>
            {
                send.MessageId = tick.MessageId;
                send.Headers.Set(Sequence, tick.Version);
            });
        }

        Assert.Equal(4, await Relay.EffectsWithin(scene.ConsumerSchema, 4, TimeSpan.FromSeconds(90)));
        await Task.Delay(500);
        Assert.Equal(4, await Relay.Effects(scene.ConsumerSchema));
        Assert.Equal([1L, 2L, 3L, 5L], (await scene.Consumer.Store.AggregateStream<Tally>(counter)).State.Versions);
    }
}

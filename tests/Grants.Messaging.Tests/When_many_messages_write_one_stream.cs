using Grants.Hosting.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Messaging.Tests;

public sealed class When_many_messages_write_one_stream
{
    private const string Sequence = "Grants-Sequence";

    /// <summary>
    /// Every partition's messages append to the same tally, so the partitions keep losing races for
    /// it to each other; each message must still take effect once, none parked in _error.
    /// </summary>
    [Fact]
    public async Task Should_take_effect_once_each_from_every_partition_though_they_race_for_the_stream()
    {
        await using var scene = await RelayScene.Start();
        var bus = scene.Consumer.Services.GetRequiredService<IBus>();
        var tally = Guid.NewGuid();
        var perPartition = new Dictionary<string, long>();
        var ticks = Enumerable.Range(1, 240).Select(v =>
        {
            var correlation = Guid.NewGuid();
            var partition = GrantsMessaging.PartitionOf(correlation);
            perPartition[partition] = perPartition.GetValueOrDefault(partition) + 1;
            return (Tick: new TickRelayed { MessageId = Guid.NewGuid(), CorrelationId = correlation, Counter = tally, Version = v }, Number: perPartition[partition]);
        }).ToList();

        await Task.WhenAll(ticks.Select(t => bus.Publish(t.Tick, send =>
        {
            send.MessageId = t.Tick.MessageId;
            send.Headers.Set(Sequence, t.Number);
        })));

        Assert.Equal(ticks.Count, await Relay.EffectsWithin(scene.ConsumerSchema, ticks.Count, TimeSpan.FromSeconds(90)));
        var counted = (await scene.Consumer.Store.AggregateStream<Tally>(tally)).State.Versions;
        Assert.Equal(Enumerable.Range(1, ticks.Count).Select(v => (long)v), counted.Order());
        Assert.True(perPartition.Count > 1, "the ticks must spread over several partitions to race");
    }
}

using Grants.Hosting.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Messaging.Tests;

public sealed class When_messages_are_duplicated_or_poisoned
{
    [Fact]
    public async Task Should_take_effect_once_when_delivered_three_times()
    {
        await using var scene = await RelayScene.Start();
        var (consumer, consumerSchema) = (scene.Consumer, scene.ConsumerSchema);
        var bus = consumer.Services.GetRequiredService<IBus>();
        var tick = new TickRelayed { MessageId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Counter = Guid.NewGuid(), Version = 1 };
        var next = new TickRelayed { MessageId = Guid.NewGuid(), CorrelationId = tick.CorrelationId, Counter = tick.Counter, Version = 2 };

        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(tick, send => send.MessageId = tick.MessageId);
        }

        // Published by hand, without the relay's numbers, these are not put in order: wait for the first.
        Assert.Equal(1, await Relay.EffectsWithin(consumerSchema, 1, TimeSpan.FromSeconds(60)));
        await bus.Publish(next, send => send.MessageId = next.MessageId);

        var effects = await Relay.EffectsWithin(consumerSchema, 2, TimeSpan.FromSeconds(90));
        var errors = (await consumer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "error-queues")).Entries["error-queues"];
        Assert.True(effects == 2, $"{effects} effects; error queues: {errors.Description}");
        await Task.Delay(500);
        Assert.Equal(2, await Relay.Effects(consumerSchema));
        Assert.Equal([1L, 2L], (await consumer.Store.AggregateStream<Tally>(tick.Counter)).State.Versions);
    }

    [Fact]
    public async Task Should_park_a_poison_message_in_the_error_queue_and_keep_consuming()
    {
        await using var scene = await RelayScene.Start();
        var (consumer, consumerSchema) = (scene.Consumer, scene.ConsumerSchema);
        var bus = consumer.Services.GetRequiredService<IBus>();
        var poison = new TickRelayed { MessageId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Counter = Guid.NewGuid(), Version = 1, Poison = true };
        await bus.Publish(poison, send => send.MessageId = poison.MessageId);
        var healthy = Enumerable.Range(0, 5)
            .Select(_ => new TickRelayed { MessageId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Counter = Guid.NewGuid(), Version = 1 })
            .ToList();
        foreach (var tick in healthy)
        {
            await bus.Publish(tick, send => send.MessageId = tick.MessageId);
        }

        Assert.Equal(5, await Relay.EffectsWithin(consumerSchema, 5, TimeSpan.FromSeconds(30)));

        var health = consumer.Services.GetRequiredService<HealthCheckService>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HealthReportEntry errors;
        do
        {
            await Task.Delay(250);
            errors = (await health.CheckHealthAsync(c => c.Name == "error-queues")).Entries["error-queues"];
        }
        while (errors.Status == HealthStatus.Healthy && DateTime.UtcNow < deadline);

        Assert.Equal(HealthStatus.Degraded, errors.Status);
        Assert.Contains(
            $"1 failed messages wait in: tally-tally-{GrantsMessaging.PartitionOf(poison.CorrelationId)}_error (1)", errors.Description, StringComparison.Ordinal);
        Assert.Equal(5, await Relay.Effects(consumerSchema));
    }
}

using Grants.EventSourcing;
using Grants.Hosting;
using Grants.Testing;
using MassTransit;

namespace Grants.Messaging.Tests;

/// <summary>A publisher service and a consumer service sharing a virtual host.</summary>
public static class Relay
{
    public static void Publisher(GrantsService service)
    {
        service.Store.Types.Register<Ticked>("test.ticked");
        service.Messaging.Publish<Ticked, TickRelayed>((tick, stored) =>
            new TickRelayed { Counter = stored.StreamId, Version = stored.Version, Poison = tick.N < 0 });
    }

    public static void Consumer(GrantsService service)
    {
        service.Store.Types.Register<TickCounted>("test.tick_counted");
        service.Messaging.Consume<TallyConsumer, TickRelayed>();
    }

    public static EventStore StoreOf(TestSchema schema, Action<GrantsService> declare)
    {
        var options = new EventStoreOptions { Schema = schema.Name };
        declare(new GrantsService(options, Grants.Hosting.Messaging.GrantsMessaging.For("unused")));
        return new EventStore(schema.DataSource, options);
    }

    public static async Task Tick(EventStore store, Guid counter, long version, int n = 1)
    {
        var session = store.OpenSession(new EventMetadata(Source: "test"));
        if (version == 0)
        {
            session.StartStream(counter, "counter", new Ticked(n));
        }
        else
        {
            session.Append(counter, version, new Ticked(n));
        }

        await session.SaveChanges(CancellationToken.None);
    }

    public static async Task<long> Effects(TestSchema consumer)
    {
        await using var command = consumer.DataSource.CreateCommand(
            $"select count(*) from {consumer.Name}.events where type = 'test.tick_counted'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> EffectsWithin(TestSchema consumer, long expected, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        long effects;
        while ((effects = await Effects(consumer)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return effects;
    }

    /// <summary>Makes the publishing side fail after some messages went out, as a crash mid-batch would.</summary>
    public sealed class CrashAfter(int publishes) : IPublishObserver
    {
        private int _count;

        public Task PrePublish<T>(PublishContext<T> context) where T : class =>
            Interlocked.Increment(ref _count) > publishes
                ? throw new InvalidOperationException("the relay's process died here")
                : Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>Counts what actually reached the broker.</summary>
    public sealed class Published : IPublishObserver
    {
        private int _count;

        public int Count => _count;

        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}

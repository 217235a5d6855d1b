using Grants.EventSourcing;

namespace Grants.Messaging.Tests;

/// <summary>
/// A publishing and a consuming service on one fresh virtual host: the consumer runs from the start
/// (its queues must exist before anything is published); relays come and go as each test decides.
/// </summary>
public sealed class RelayScene : IAsyncDisposable
{
    private readonly TestVirtualHost _vhost;
    private readonly TestSchema _publisher;

    private RelayScene(TestVirtualHost vhost, TestSchema publisher, TestSchema consumerSchema, KitHost consumer, EventStore store)
    {
        _vhost = vhost;
        _publisher = publisher;
        ConsumerSchema = consumerSchema;
        Consumer = consumer;
        Store = store;
    }

    public TestSchema ConsumerSchema { get; }

    public KitHost Consumer { get; }

    /// <summary>The publisher's store, usable whether or not a relay runs.</summary>
    public EventStore Store { get; }

    public static async Task<RelayScene> Start()
    {
        var vhost = await TestRabbitMq.NewVirtualHost();
        var publisher = await TestPostgres.NewSchema();
        var consumerSchema = await TestPostgres.NewSchema();
        var consumer = await KitHost.Start("tally", consumerSchema, vhost.Amqp, Relay.Consumer);
        var store = Relay.StoreOf(publisher, Relay.Publisher);
        await store.EnsureSchema(CancellationToken.None);
        return new RelayScene(vhost, publisher, consumerSchema, consumer, store);
    }

    public Task<KitHost> StartRelay() => KitHost.Start("relay", _publisher, _vhost.Amqp, Relay.Publisher);

    /// <summary>Appends one tick to every counter per round, rounds numbered from <paramref name="fromVersion"/>.</summary>
    public async Task TickRounds(IReadOnlyList<Guid> counters, long fromVersion, int rounds)
    {
        for (var version = fromVersion; version < fromVersion + rounds; version++)
        {
            foreach (var counter in counters)
            {
                await Relay.Tick(Store, counter, version);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Consumer.DisposeAsync();
        await ConsumerSchema.DisposeAsync();
        await _publisher.DisposeAsync();
        await _vhost.DisposeAsync();
    }
}

using System.Text.Json;
using RabbitMQ.Client;

namespace Grants.Applications.Tests;

/// <summary>
/// A queue of the test's own, bound to the exchange a contract is published to on every partition,
/// so the test sees exactly what other services would receive.
/// </summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private BusProbe(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<BusProbe> Listen<TContract>(Uri rabbitMq)
    {
        var connection = await new ConnectionFactory { Uri = rabbitMq }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{typeof(TContract).Namespace}:{typeof(TContract).Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Direct, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync($"probe-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        for (var partition = 0; partition < 8; partition++)
        {
            await channel.QueueBindAsync(queue, exchange, partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new BusProbe(connection, channel, queue);
    }

    /// <summary>The next message's contract body, waiting up to 20 s for it.</summary>
    public async Task<JsonElement> Next()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
            {
                return JsonDocument.Parse(delivery.Body).RootElement.GetProperty("message").Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nothing arrived on {_queue} within 20 s");
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

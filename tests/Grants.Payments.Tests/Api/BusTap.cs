using System.Collections.Concurrent;
using System.Text.Json;
using Grants.Hosting.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Grants.Payments.Tests.Api;

/// <summary>
/// What another service would receive: a queue of the test's own bound to contracts' exchanges on
/// one application's partition, collecting the MassTransit envelopes that arrive.
/// </summary>
public sealed class BusTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BusTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public ConcurrentQueue<(string Type, JsonElement Message)> Received { get; } = new();

    public static async Task<BusTap> Open(Uri broker, Guid correlationId, params string[] contracts)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new BusTap(connection, channel);
        var queue = await channel.QueueDeclareAsync(exclusive: true, autoDelete: true);
        foreach (var contract in contracts)
        {
            // Declared as MassTransit declares a published message type's exchange, so either may come first.
            await channel.ExchangeDeclareAsync(contract, ExchangeType.Direct, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue.QueueName, contract, GrantsMessaging.PartitionOf(correlationId));
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var envelope = JsonDocument.Parse(delivery.Body).RootElement;
            tap.Received.Enqueue((envelope.GetProperty("messageType")[0].GetString()!.Split(':')[^1], envelope.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public IReadOnlyList<JsonElement> Of(string type) => [.. Received.Where(r => r.Type == type).Select(r => r.Message)];

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

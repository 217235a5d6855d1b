using System.Text;
using Grants.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Grants.Testing.Tests;

public sealed class When_a_test_takes_a_virtual_host
{
    private const string Queue = "applications";

    [Fact]
    public async Task Should_accept_an_amqp_connection_and_deliver_within_it()
    {
        await using var host = await TestRabbitMq.NewVirtualHost();
        await using var connection = await Connect(host);
        await using var channel = await connection.CreateChannelAsync();

        await channel.QueueDeclareAsync(Queue, durable: false, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", Queue, Encoding.UTF8.GetBytes("submitted"));

        Assert.EndsWith("/" + host.Name, host.Amqp.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("submitted", await Get(channel));
    }

    [Fact]
    public async Task Should_not_see_messages_published_in_another()
    {
        await using var first = await TestRabbitMq.NewVirtualHost();
        await using var second = await TestRabbitMq.NewVirtualHost();
        await using var firstConnection = await Connect(first);
        await using var secondConnection = await Connect(second);
        await using var firstChannel = await firstConnection.CreateChannelAsync();
        await using var secondChannel = await secondConnection.CreateChannelAsync();
        await firstChannel.QueueDeclareAsync(Queue, durable: false, exclusive: false, autoDelete: false);
        await secondChannel.QueueDeclareAsync(Queue, durable: false, exclusive: false, autoDelete: false);

        await firstChannel.BasicPublishAsync("", Queue, Encoding.UTF8.GetBytes("only in the first"));

        Assert.NotEqual(first.Name, second.Name);
        Assert.Null(await Get(secondChannel, TimeSpan.FromMilliseconds(500)));
        Assert.Equal("only in the first", await Get(firstChannel));
    }

    [Fact]
    public async Task Should_delete_it_when_disposed()
    {
        var host = await TestRabbitMq.NewVirtualHost();

        await host.DisposeAsync();

        // RabbitMQ.Client 7 returns an open connection for a missing virtual host; the broker's
        // refusal (530 NOT_ALLOWED) surfaces at first use.
        await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
        {
            await using var connection = await Connect(host);
            await using var channel = await connection.CreateChannelAsync();
        });
    }

    private static Task<IConnection> Connect(TestVirtualHost host) =>
        new ConnectionFactory { Uri = host.Amqp }.CreateConnectionAsync();

    // A publish is asynchronous, so a message may reach its queue a moment after BasicPublishAsync
    // returns; a missing message is only concluded after the wait.
    private static async Task<string?> Get(IChannel channel, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var result = await channel.BasicGetAsync(Queue, autoAck: true);
            if (result is not null)
            {
                return Encoding.UTF8.GetString(result.Body.Span);
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(20);
        }
    }
}

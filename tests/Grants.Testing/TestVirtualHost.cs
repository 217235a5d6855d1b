namespace Grants.Testing;

// One test's corner of the shared broker: its own exchanges, queues and messages. Disposing
// deletes the virtual host, which closes any connection still open to it.
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly RabbitMqManagement _management;

    internal TestVirtualHost(string name, Uri amqp, RabbitMqManagement management)
    {
        _management = management;
        Name = name;
        Amqp = amqp;
    }

    public string Name { get; }

    // amqp://user:password@host:port/<name>, ready for ConnectionFactory.Uri or MassTransit.
    public Uri Amqp { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteVirtualHost(Name, CancellationToken.None);
        }
        finally
        {
            _management.Dispose();
        }
    }
}

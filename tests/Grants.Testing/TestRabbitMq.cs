namespace Grants.Testing;

public static class TestRabbitMq
{
    // A fresh virtual host on the shared broker, with full permissions for the endpoint's user.
    public static async Task<TestVirtualHost> NewVirtualHost(CancellationToken cancellationToken = default)
    {
        var endpoint = await TestServers.RabbitMq().WaitAsync(cancellationToken);
        return await NewVirtualHost(endpoint, cancellationToken);
    }

    /// <summary>A fresh virtual host on a broker of the caller's own (the bench's).</summary>
    public static async Task<TestVirtualHost> NewVirtualHost(RabbitMqEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var name = UniqueName.Next();
        var management = new RabbitMqManagement(endpoint);
        try
        {
            await management.CreateVirtualHost(name, endpoint.UserName, cancellationToken);
        }
        catch
        {
            management.Dispose();
            throw;
        }

        return new TestVirtualHost(name, endpoint.AmqpFor(name), management);
    }
}

namespace Grants.Testing;

public static class TestRabbitMq
{
    // A fresh virtual host on the shared broker, with full permissions for the endpoint's user.
    public static async Task<TestVirtualHost> NewVirtualHost(CancellationToken cancellationToken = default)
    {
        var endpoint = await TestServers.RabbitMq().WaitAsync(cancellationToken);
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

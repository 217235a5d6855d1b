using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Grants.Testing;

// Servers named by the environment are checked once, so a wrong address or password shows up as
// one clear message naming the variable rather than as every test failing its own way.
internal static class ExternalServers
{
    public static async Task CheckPostgres(PostgresEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(endpoint.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new ServerStartException(
                $"{TestServers.PostgresVariable} names {SafeDescription(endpoint)}, which cannot be used: {e.Message}", e);
        }
    }

    public static RabbitMqEndpoint ParseRabbitMq(string amqp, string? management)
    {
        try
        {
            return RabbitMqEndpoint.Parse(amqp, management);
        }
        catch (UriFormatException e)
        {
            throw new ServerStartException(
                $"{TestServers.RabbitMqVariable} must be an AMQP URI like amqp://guest:guest@127.0.0.1:5672/ and " +
                $"{TestServers.RabbitMqManagementVariable} (optional) a URL like http://guest:guest@127.0.0.1:15672/: {e.Message}", e);
        }
    }

    public static async Task CheckRabbitMq(RabbitMqEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var management = new RabbitMqManagement(endpoint, TimeSpan.FromSeconds(10));
            await management.Overview(cancellationToken);
            await using var connection = await new ConnectionFactory { Uri = endpoint.Amqp }.CreateConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or BrokerUnreachableException)
        {
            throw new ServerStartException(
                $"{TestServers.RabbitMqVariable}/{TestServers.RabbitMqManagementVariable} name {endpoint.Describe()}, which cannot be used " +
                $"(the user needs the administrator tag to create virtual hosts): {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static string SafeDescription(PostgresEndpoint endpoint)
    {
        try
        {
            return endpoint.Describe();
        }
        catch (ArgumentException)
        {
            return "a connection string Npgsql cannot parse";
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Grants.Services.Tests;

/// <summary>What every service host must do before it has any feature: start, report readiness honestly, describe its API.</summary>
public abstract class ServiceContract<TEntryPoint>(string service)
    where TEntryPoint : class
{
    [Fact]
    public async Task Should_be_ready_once_its_schema_is_migrated_and_its_broker_answers()
    {
        await using var host = await ServiceHost.Start<TEntryPoint>();
        using var client = host.CreateClient();

        var (status, body) = await ReadyWithin(client, TimeSpan.FromSeconds(30), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Should_not_be_ready_when_its_broker_is_unreachable()
    {
        await using var host = await ServiceHost.Start<TEntryPoint>(new Uri($"amqp://guest:guest@127.0.0.1:{ClosedPort()}/"));
        using var client = host.CreateClient();

        var (status, body) = await ReadyWithin(client, TimeSpan.FromSeconds(30), HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var rabbit = body.GetProperty("checks").GetProperty("rabbitmq");
        Assert.Equal("Unhealthy", rabbit.GetProperty("status").GetString());
        Assert.Contains("RabbitMQ is not reachable", rabbit.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_its_openapi_document()
    {
        await using var host = await ServiceHost.Start<TEntryPoint>();
        using var client = host.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal($"Grants {service} API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_declare_bearer_tokens_in_its_openapi_document()
    {
        await using var host = await ServiceHost.Start<TEntryPoint>();
        using var client = host.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        Assert.True(document.RootElement.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Should_require_a_token_everywhere_but_health_and_openapi()
    {
        await using var host = await ServiceHost.Start<TEntryPoint>();
        using var anonymous = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/applications", UriKind.Relative), null)).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyWithin(HttpClient client, TimeSpan limit, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(100);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

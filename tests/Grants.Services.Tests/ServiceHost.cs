using System.Net.Http.Headers;
using Grants.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grants.Services.Tests;

public static class ServiceHost
{
    /// <summary>
    /// Starts with a fresh virtual host, or with the broker address given (e.g. one where nothing
    /// listens); <paramref name="configure"/> runs last, so it can override any setting or service.
    /// </summary>
    public static async Task<ServiceHost<TEntryPoint>> Start<TEntryPoint>(Uri? rabbitMq = null, Action<IWebHostBuilder>? configure = null)
        where TEntryPoint : class
    {
        var schema = await TestPostgres.NewSchema();
        if (rabbitMq is not null)
        {
            return new ServiceHost<TEntryPoint>(schema, rabbitMq, null, configure);
        }

        var virtualHost = await TestRabbitMq.NewVirtualHost();
        return new ServiceHost<TEntryPoint>(schema, virtualHost.Amqp, virtualHost, configure);
    }
}

/// <summary>A service booted in-process against its own schema and virtual host on the shared test servers.</summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly TestSchema _schema;
    private readonly Uri _rabbitMq;
    private readonly TestVirtualHost? _virtualHost;
    private readonly Action<IWebHostBuilder>? _configure;

    internal ServiceHost(TestSchema schema, Uri rabbitMq, TestVirtualHost? virtualHost, Action<IWebHostBuilder>? configure)
    {
        _schema = schema;
        _rabbitMq = rabbitMq;
        _virtualHost = virtualHost;
        _configure = configure;
    }

    public string SchemaName => _schema.Name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(_schema, _rabbitMq);
        _configure?.Invoke(builder);
    }

    /// <summary>A client that sends a valid token for <paramref name="role"/>.</summary>
    public HttpClient CreateClient(string role, string user = TestTokens.User, Guid? organisation = null) =>
        CreateClientWith(TestTokens.For(role, user, organisation));

    public HttpClient CreateClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _schema.DisposeAsync();
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}

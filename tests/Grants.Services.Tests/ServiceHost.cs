using Grants.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grants.Services.Tests;

public static class ServiceHost
{
    /// <summary>Starts with a fresh virtual host, or with the broker address given (e.g. one where nothing listens).</summary>
    public static async Task<ServiceHost<TEntryPoint>> Start<TEntryPoint>(Uri? rabbitMq = null)
        where TEntryPoint : class
    {
        var schema = await TestPostgres.NewSchema();
        if (rabbitMq is not null)
        {
            return new ServiceHost<TEntryPoint>(schema, rabbitMq, null);
        }

        var virtualHost = await TestRabbitMq.NewVirtualHost();
        return new ServiceHost<TEntryPoint>(schema, virtualHost.Amqp, virtualHost);
    }
}

/// <summary>A service booted in-process against its own schema and virtual host on the shared test servers.</summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly TestSchema _schema;
    private readonly Uri _rabbitMq;
    private readonly TestVirtualHost? _virtualHost;

    internal ServiceHost(TestSchema schema, Uri rabbitMq, TestVirtualHost? virtualHost)
    {
        _schema = schema;
        _rabbitMq = rabbitMq;
        _virtualHost = virtualHost;
    }

    public string SchemaName => _schema.Name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", _schema.ConnectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq.ToString());
        builder.UseSetting("Grants:Schema", _schema.Name);
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

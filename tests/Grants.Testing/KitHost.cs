using Grants.EventSourcing;
using Grants.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grants.Testing;

/// <summary>A service built with the real kit, in this process, on a schema and broker of the caller's choosing.</summary>
public sealed class KitHost : IAsyncDisposable
{
    // MassTransit 8 keeps the first bus's logger factory in a static; a second host in the same
    // process after the first was disposed would log into a disposed factory. Tests share one.
    private static readonly ILoggerFactory Logging = LoggerFactory.Create(_ => { });

    private readonly WebApplication _app;

    private KitHost(WebApplication app) => _app = app;

    public EventStore Store => _app.Services.GetRequiredService<EventStore>();

    public IServiceProvider Services => _app.Services;

    public static Task<KitHost> Start(
        string service, TestSchema schema, Uri rabbitMq, Action<GrantsService> configure, Action<IServiceCollection>? services = null) =>
        Start(service, schema.ConnectionString, schema.Name, rabbitMq, configure, services);

    public static async Task<KitHost> Start(
        string service, string postgres, string schema, Uri rabbitMq, Action<GrantsService> configure, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:RabbitMq"] = rabbitMq.ToString(),
            ["Grants:Schema"] = schema,
        });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.Services.AddSingleton(Logging);
        builder.AddGrantsService(service, configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrantsDefaults();
        await app.StartAsync();
        await app.Services.UntilReady(service);

        return new KitHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

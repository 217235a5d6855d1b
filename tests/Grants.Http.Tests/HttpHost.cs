using Grants.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Http.Tests;

/// <summary>
/// The Applications service booted in-process against its own schema and virtual host, with the
/// test endpoints of <see cref="TestApi"/>, a clock the test moves, and a <see cref="Gate"/>.
/// </summary>
public sealed class HttpHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Gate Gate { get; } = new();

    private TestSchema Schema => _schema ?? throw new InvalidOperationException("The host is not initialized.");

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        await Services.UntilReady("the kit host");
    }

    public Task<T> Scalar<T>(string sql, params object[] parameters) => Schema.Scalar<T>(sql, parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(Schema, _virtualHost!.Amqp);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestApi>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Gate);
        });
    }

    /// <summary>Every client is an officer: the conventions under test come after authentication.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("officer"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}

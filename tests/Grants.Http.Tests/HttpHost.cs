using Grants.Hosting;
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
        var readiness = Services.GetRequiredService<SchemaReadiness>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!readiness.IsReady)
        {
            Assert.True(DateTime.UtcNow < deadline, "the service schema was not migrated within 30 s");
            await Task.Delay(50);
        }
    }

    public async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        await using var command = Schema.DataSource.CreateCommand(sql.Replace("{s}", Schema.Name, StringComparison.Ordinal));
        foreach (var p in parameters)
        {
            command.Parameters.Add(new() { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", Schema.ConnectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", _virtualHost!.Amqp.ToString());
        builder.UseSetting("Grants:Schema", Schema.Name);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }
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

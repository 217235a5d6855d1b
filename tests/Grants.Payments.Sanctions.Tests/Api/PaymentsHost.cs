using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Payments.Sanctions.Tests.Api;

/// <summary>The real Payments service in this process, on its own PostgreSQL schema and RabbitMQ virtual host.</summary>
public class PaymentsHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;

    public TestSchema Schema => _schema ?? throw new InvalidOperationException("The host is not initialized.");

    /// <summary>Extra configuration of a test class's host (configured list paths or URLs).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        await Services.UntilReady("the Payments service");
    }

    public HttpClient As(string role, string user = TestTokens.User, Guid? organisation = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, user, organisation));
        return client;
    }

    public Task<T> Scalar<T>(string sql, params object[] parameters) => Schema.Scalar<T>(sql, parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(Schema, _virtualHost!.Amqp);

        // Added last, so they win over appsettings.Development.json, which imports the sample lists at start:
        // these tests import what they need.
        var sanctions = new Dictionary<string, string?> { ["Sanctions:UnPath"] = "", ["Sanctions:EuPath"] = "" };
        foreach (var (key, value) in Settings)
        {
            sanctions[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(sanctions));
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

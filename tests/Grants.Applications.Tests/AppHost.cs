using System.Net.Http.Headers;
using Grants.EventSourcing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Grants.Applications.Tests;

/// <summary>The Applications service booted in-process on its own schema and virtual host, on a clock the test sets.</summary>
public sealed class AppHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;

    public TestClock Clock { get; } = new();

    public TestSchema Schema => _schema ?? throw new InvalidOperationException("The host is not initialized.");

    public Uri RabbitMq => _virtualHost?.Amqp ?? throw new InvalidOperationException("The host is not initialized.");

    public EventStore Store => Services.GetRequiredService<EventStore>();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        await Services.UntilReady("the Applications service");
    }

    public HttpClient Officer(string user = "olivia") => Client(TestTokens.For("officer", user));

    public HttpClient Applicant(Guid organisation, string user = "ngo-user") => Client(TestTokens.For("applicant", user, organisation));

    public HttpClient As(string role, string user = "someone") => Client(TestTokens.For(role, user));

    public Task<T> Scalar<T>(string sql, params object[] parameters) => Schema.Scalar<T>(sql, parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(Schema, RabbitMq);

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Look for due triggers every second, so a jump of the clock is noticed quickly.
            services.Configure<QuartzOptions>(options => options.Properties["quartz.scheduler.idleWaitTime"] = "1000");
        });
    }

    private HttpClient Client(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
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

using System.Net.Http.Headers;
using Grants.Hosting.Messaging;
using Grants.Payments.Sanctions;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Grants.Payments.Tests.Api;

/// <summary>One instance of the real Payments service (its Program), on the world's schema and virtual host.</summary>
public sealed class PaymentsInstance(PaymentsWorld world, string name) : WebApplicationFactory<Program>
{
    public const string DebtorIban = "BE68539007547034";

    // MassTransit 8 keeps the first bus's logger factory in a static: instances that come and go in
    // one process share one, so a later instance never logs into a stopped one's (as KitHost does).
    private static readonly ILoggerFactory Logging = LoggerFactory.Create(_ => { });

    public string Name => name;

    public HttpClient As(string role, string user, Guid? organisation = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, user, organisation));
        return client;
    }

    /// <summary>Publishes as the other services would, through RabbitMQ.</summary>
    public Task Publish<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The first contract of type <typeparamref name="T"/> the relay maps from the stream's events: what leaves the service.</summary>
    public async Task<T> Contract<T>(Guid streamId)
    {
        var map = Services.GetRequiredService<IntegrationMap>();
        var store = Services.GetRequiredService<EventSourcing.EventStore>();
        await foreach (var stored in store.ReadStream(streamId))
        {
            if (map.Map(stored) is T contract)
            {
                return contract;
            }
        }

        throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} was mapped from stream {streamId}");
    }

    public Task WaitUntilReady() => Services.UntilReady($"payments instance {name}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", world.Schema.ConnectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", world.RabbitMq.ToString());
        builder.UseSetting("Grants:Schema", world.Schema.Name);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Payments:Debtor:Name", "SPF Affaires étrangères – Peace Building");
        builder.UseSetting("Payments:Debtor:Iban", DebtorIban);
        builder.UseSetting("Payments:Debtor:Bic", "GKCCBEBB");
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Logging);
            services.AddSingleton<TimeProvider>(world.Clock);
            services.AddSingleton<IPaymentScreening>(world.Screening);
        });
    }
}

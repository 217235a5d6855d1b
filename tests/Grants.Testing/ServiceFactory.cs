using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Testing;

/// <summary>
/// One host of the system on a real Kestrel port, on its own schema, as a browser would reach it;
/// <paramref name="services"/> lets a caller add to its container (the bench counts the portal's API calls).
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(
    TestSchema schema, Uri rabbitMq, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public TestSchema Schema => schema;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task<ServiceFactory<TEntryPoint>> Run()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
        await Services.UntilReady(typeof(TEntryPoint).Assembly.GetName().Name!, seconds: 90);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(schema, rabbitMq);
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await schema.DisposeAsync();
    }
}

using Grants.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grants.Lifecycle.Tests;

/// <summary>One real service in this process, on its own schema, sharing the run's virtual host with the other two.</summary>
public sealed class ServiceUnderTest<TEntryPoint>(string name, TestSchema schema, Uri rabbitMq) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public string Name => name;

    public TestSchema Schema => schema;

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseTestServers(schema, rabbitMq);

    /// <summary>The service's API as the scenario calls it, once its schema is migrated and its broker answers.</summary>
    public async Task<ServiceApi> Api()
    {
        var client = CreateClient();
        await Services.UntilReady(name);
        return new ServiceApi(name, client, (role, user, organisation) => TestTokens.For(role, user, organisation));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await schema.DisposeAsync();
    }
}

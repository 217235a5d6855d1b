using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Payments.Sanctions.Tests.Api;

/// <summary>The UN list from a configured path, the EU list from a configured URL served by a real HTTP server.</summary>
public sealed class ConfiguredListsHost : PaymentsHost
{
    private WebApplication? _publisher;

    private int _downloads;

    public int Downloads => Volatile.Read(ref _downloads);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sanctions:UnPath"] = Samples.PathOf("un-consolidated-sample.xml"),
        ["Sanctions:EuUrl"] = $"{PublisherAddress}/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content",
    };

    private string PublisherAddress =>
        _publisher!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _publisher = builder.Build();
        _publisher.MapGet("/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content", () =>
        {
            Interlocked.Increment(ref _downloads);
            return Results.Bytes(Samples.Eu, "application/xml");
        });
        await _publisher.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class When_lists_come_from_configuration(ConfiguredListsHost host) : IClassFixture<ConfiguredListsHost>
{
    [Fact]
    public async Task Should_import_the_configured_file_and_download_the_configured_url_then_schedule_tomorrows_refresh()
    {
        var finance = host.As("finance", "fiona");

        var versions = await Responses.Eventually(async () =>
        {
            var page = await (await finance.Get("/sanctions/lists")).Json(HttpStatusCode.OK);
            return page.GetProperty("total").GetInt64() == 2 ? Tuple.Create(page) : null;
        }, "the import of both configured lists");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var next = await Responses.Eventually(
            async () => await host.Scalar<long>("select count(*) from {s}.qrtz_triggers where trigger_name = $1", $"sanctions-refresh-{tomorrow:yyyy-MM-dd}") == 1 ? "scheduled" : null,
            "the scheduling of tomorrow's refresh");

        var items = versions.Item1.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, v => v.GetProperty("source").GetString() == "UN" && v.GetProperty("origin").GetString()!.EndsWith("un-consolidated-sample.xml", StringComparison.Ordinal));
        Assert.Contains(items, v => v.GetProperty("source").GetString() == "EU" && v.GetProperty("origin").GetString()!.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        Assert.All(items, v => Assert.Equal("system", v.GetProperty("importedBy").GetString()));
        Assert.Equal("scheduled", next);
        Assert.True(host.Downloads >= 1);
    }

    [Fact]
    public async Task Should_refresh_on_demand_without_a_new_version_when_nothing_changed()
    {
        var finance = host.As("finance", "fiona");
        await Responses.Eventually(
            async () => await host.Scalar<long>("select count(*) from {s}.sanctions_list_versions") == 2 ? "imported" : null, "the configured imports");
        var downloads = host.Downloads;

        var results = await (await finance.PostJson("/sanctions/lists/refresh", new { })).Json(HttpStatusCode.OK);

        Assert.Equal(2, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.False(r.GetProperty("imported").GetBoolean()));
        Assert.Equal(downloads + 1, host.Downloads);
        Assert.Equal(2L, await host.Scalar<long>("select count(*) from {s}.sanctions_list_versions"));
    }
}

using Grants.Hosting.Messaging;
using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_reading_a_timeline(AuditScene scene) : IClassFixture<AuditScene>
{
    private readonly HttpClient _client = scene.Client();

    [Fact]
    public async Task Should_list_every_event_of_the_application_in_log_order_with_who_did_it_and_why()
    {
        var (application, mirror, unrelated) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var opened = await scene.Append(application, 0, new EventMetadata(application, null, "olga", "officer", null, "api"), new DossierOpened("Radios", 1000m));
        scene.Clock.Advance(TimeSpan.FromMinutes(1));
        await scene.Append(mirror, 0, new EventMetadata(application, MessageIds.For(application, 1), Source: "consumer:dossier-mirror"), new DossierOpened("Mirror", 1000m));
        scene.Clock.Advance(TimeSpan.FromMinutes(1));
        await scene.Append(application, 1, new EventMetadata(application, null, "paul", "approver", null, "api"), new DossierAmended(800m, "Budget line 4 is not eligible"));
        await scene.Append(unrelated, 0, new EventMetadata(Guid.NewGuid(), null, "olga", "officer"), new DossierOpened("Elsewhere", 5m));

        var timeline = await (await _client.GetAsync(Path($"/audit/timeline/{application}"))).Body();

        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["test.dossier_opened", "test.dossier_opened", "test.dossier_amended"], events.Select(e => e.Text("type")));
        Assert.Equal([application, mirror, application], events.Select(e => e.GetProperty("streamId").GetGuid()));
        Assert.True(events[0].GetProperty("sequence").GetInt64() < events[1].GetProperty("sequence").GetInt64());
        Assert.True(events[1].GetProperty("sequence").GetInt64() < events[2].GetProperty("sequence").GetInt64());
        Assert.All(events, e => Assert.Equal(scene.Service, e.Text("service")));
        Assert.All(events, e => Assert.Equal(application, e.GetProperty("correlationId").GetGuid()));
        Assert.All(events, e => Assert.False(e.TryGetProperty("data", out _)));

        var first = events[0];
        Assert.Equal(("olga", "officer", "api", "dossier", 1L), (first.Text("actor"), first.Text("role"), first.Text("source"), first.Text("streamType"), first.GetProperty("version").GetInt64()));
        Assert.Equal(opened[0].Timestamp, first.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(opened[0].Id, first.GetProperty("eventId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("causationId").ValueKind);
        Assert.Equal(first.GetProperty("messageId").GetGuid(), events[1].GetProperty("causationId").GetGuid());
        Assert.Equal("consumer:dossier-mirror", events[1].Text("source"));
        Assert.Equal(("paul", "approver", "Budget line 4 is not eligible", 2L),
            (events[2].Text("actor"), events[2].Text("role"), events[2].Text("reason"), events[2].GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Should_print_the_chain_through_the_command_line_and_fail_for_an_id_nobody_knows()
    {
        var application = Guid.NewGuid();
        await scene.Append(application, 0, new EventMetadata(application, null, "olga", "officer"), new DossierOpened("Radios", 1000m));
        await scene.Append(Guid.NewGuid(), 0, new EventMetadata(application, MessageIds.For(application, 1), Source: "consumer:mirror"), new DossierOpened("Mirror", 1m));
        await scene.Append(application, 1, new EventMetadata(application, null, "paul", "approver"), new DossierClosed("Project abandoned, see letter of 3 May"));

        var (exit, output, error) = await scene.Cli("timeline", application.ToString());
        var (unknownExit, _, unknownError) = await scene.Cli("timeline", Guid.NewGuid().ToString());

        Assert.True(exit == 0, error);
        Assert.Contains("3 events from 1 services", output, StringComparison.Ordinal);
        Assert.Contains("by olga (officer) via api", output, StringComparison.Ordinal);
        Assert.Contains($"causation {MessageIds.For(application, 1)} (event #1)", output, StringComparison.Ordinal);
        Assert.Contains("reason: Project abandoned, see letter of 3 May", output, StringComparison.Ordinal);
        Assert.Equal(1, unknownExit);
        Assert.Contains("No service holds events", unknownError, StringComparison.Ordinal);
    }
}

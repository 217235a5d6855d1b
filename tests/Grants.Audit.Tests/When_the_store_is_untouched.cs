using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_the_store_is_untouched(AuditScene scene) : IClassFixture<AuditScene>
{
    private readonly HttpClient _client = scene.Client();

    [Fact]
    public async Task Should_verify_every_chain_and_replay_to_the_same_tables()
    {
        for (var i = 0; i < 5; i++)
        {
            var id = Guid.NewGuid();
            await scene.Append(id, 0, new EventMetadata(id, null, "olga", "officer"), new DossierOpened($"Dossier {i}", 100m * i));
            await scene.Append(id, 1, new EventMetadata(id, null, "paul", "approver"), new DossierAmended(50m * i, "Amended"), new DossierClosed("Done"));
        }

        var verify = await (await _client.GetAsync(Path("/audit/verify"))).Body();
        var replay = await (await _client.PostAsync(Path("/audit/replay"), null)).Body();

        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.Equal(15, verify.GetProperty("eventsChecked").GetInt64());
        Assert.Equal(0, verify.GetProperty("damagedStreams").GetArrayLength());
        Assert.True(replay.GetProperty("ok").GetBoolean(), replay.ToString());
        Assert.Equal(15, replay.GetProperty("eventsReplayed").GetInt64());
        Assert.Equal(["dossiers"], replay.GetProperty("projections").EnumerateArray().Select(p => p.GetString()));
        var table = Assert.Single(replay.GetProperty("tables").EnumerateArray());
        Assert.Equal(("dossiers", 5L, 5L, true), (table.Text("table"), table.GetProperty("liveRows").GetInt64(), table.GetProperty("replayRows").GetInt64(), table.GetProperty("deterministic").GetBoolean()));
        Assert.Equal($"{scene.Schema}_replay", replay.Text("replaySchema"));

        var (verifyExit, verifyOutput, _) = await scene.Cli("verify");
        var (replayExit, replayOutput, replayError) = await scene.Cli("replay");
        Assert.Equal(0, verifyExit);
        Assert.Contains($"{scene.Service}: intact", verifyOutput, StringComparison.Ordinal);
        Assert.True(replayExit == 0, replayOutput + replayError);
        Assert.Contains($"{scene.Service}: identical", replayOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_describe_the_audit_endpoints_in_the_openapi_document()
    {
        using var anonymous = scene.Client(role: null);

        var paths = (await (await anonymous.GetAsync(Path("/openapi/v1.json"))).Body()).GetProperty("paths");

        Assert.Equal(
            ["/audit/export/{id}", "/audit/replay", "/audit/state/{streamId}", "/audit/timeline/{id}", "/audit/verify"],
            paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/audit/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/audit/replay").TryGetProperty("post", out _));
    }
}

using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_an_event_is_tampered_with(AuditScene scene) : IClassFixture<AuditScene>
{
    [Fact]
    public async Task Should_name_the_stream_and_version_over_http_and_fail_the_command()
    {
        var (victim, bystander) = (Guid.NewGuid(), Guid.NewGuid());
        await scene.Append(victim, 0, new EventMetadata(victim, null, "olga", "officer"), new DossierOpened("Radios", 1000m));
        await scene.Append(victim, 1, new EventMetadata(victim, null, "paul", "approver"), new DossierAmended(800m, "Line 4"));
        await scene.Append(victim, 2, new EventMetadata(victim, null, "paul", "approver"), new DossierClosed("Done"));
        await scene.Append(bystander, 0, new EventMetadata(bystander), new DossierOpened("Bystander", 5m));

        Assert.Equal(1, await scene.Execute(
            "update {s}.events set data = jsonb_set(data, '{amount}', '80000') where stream_id = $1 and version = 2", victim));
        var report = await (await scene.Client().GetAsync(Path("/audit/verify"))).Body();
        var (exit, output, error) = await scene.Cli("verify");

        Assert.False(report.GetProperty("ok").GetBoolean());
        var damaged = Assert.Single(report.GetProperty("damagedStreams").EnumerateArray());
        Assert.Equal((victim, "dossier", 2L), (damaged.GetProperty("streamId").GetGuid(), damaged.Text("streamType"), damaged.GetProperty("version").GetInt64()));
        Assert.Contains("hash does not match", damaged.Text("problem"), StringComparison.Ordinal);
        Assert.True(exit == 1, output + error);
        Assert.Contains($"{scene.Service}: DAMAGED", output, StringComparison.Ordinal);
        Assert.Contains($"stream {victim} (dossier) version 2", output, StringComparison.Ordinal);
        Assert.DoesNotContain(bystander.ToString(), output, StringComparison.Ordinal);
    }
}

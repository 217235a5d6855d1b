using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

/// <summary>A scene whose service also keeps a read model stamped with the database clock.</summary>
public sealed class ClockedScene() : AuditScene("audit-test", clockedProjection: true);

public sealed class When_a_projection_table_is_changed(ClockedScene scene) : IClassFixture<ClockedScene>
{
    [Fact]
    public async Task Should_report_the_rows_that_differ_and_leave_the_live_table_as_it_is()
    {
        var (changed, untouched) = (Guid.NewGuid(), Guid.NewGuid());
        await scene.Append(changed, 0, new EventMetadata(changed), new DossierOpened("Radios", 1000m));
        await scene.Append(untouched, 0, new EventMetadata(untouched), new DossierOpened("Boots", 30m));
        Assert.Equal(1, await scene.Execute("update {s}.dossiers set amount = 1 where id = $1", changed));

        var replay = await (await scene.Client().PostAsync(Path("/audit/replay"), null)).Body();
        var (exit, output, _) = await scene.Cli("replay");

        Assert.False(replay.GetProperty("ok").GetBoolean());
        var dossiers = replay.GetProperty("tables").EnumerateArray().Single(t => t.Text("table") == "dossiers");
        Assert.True(dossiers.GetProperty("deterministic").GetBoolean());
        Assert.Equal((1L, 1L), (dossiers.GetProperty("onlyInLive").GetInt64(), dossiers.GetProperty("onlyInReplay").GetInt64()));
        var live = Assert.Single(dossiers.GetProperty("sampleOnlyInLive").EnumerateArray());
        var replayed = Assert.Single(dossiers.GetProperty("sampleOnlyInReplay").EnumerateArray());
        Assert.Equal((changed, 1m), (live.GetProperty("id").GetGuid(), live.GetProperty("amount").GetDecimal()));
        Assert.Equal((changed, 1000m), (replayed.GetProperty("id").GetGuid(), replayed.GetProperty("amount").GetDecimal()));
        Assert.Equal(1L, await scene.Count("select count(*) from {s}.dossiers where id = $1 and amount = 1", changed));
        Assert.Equal(1, exit);
        Assert.Matches(@"table dossiers: 1 of \d+ live rows not in the replay, 1 of \d+ replayed rows not live", output);
        Assert.Contains(output.Split('\n'), line => line.Contains("live only:", StringComparison.Ordinal) && line.Contains(changed.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_say_a_projection_that_reads_the_clock_is_not_deterministic()
    {
        var id = Guid.NewGuid();
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Radios", 1000m));

        var replay = await (await scene.Client().PostAsync(Path("/audit/replay"), null)).Body();

        Assert.False(replay.GetProperty("ok").GetBoolean());
        var views = replay.GetProperty("tables").EnumerateArray().Single(t => t.Text("table") == "dossier_views");
        Assert.False(views.GetProperty("deterministic").GetBoolean());
        Assert.Equal(["dossiers", "dossier-views"], replay.GetProperty("projections").EnumerateArray().Select(p => p.GetString()));
    }
}

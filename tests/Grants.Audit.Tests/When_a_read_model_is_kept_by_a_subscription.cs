using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

/// <summary>A scene whose service also keeps a read model through a subscription, registered for replay.</summary>
public sealed class SubscribedScene() : AuditScene("audit-test", asyncReadModel: true);

public sealed class When_a_read_model_is_kept_by_a_subscription(SubscribedScene scene) : IClassFixture<SubscribedScene>
{
    [Fact]
    public async Task Should_replay_it_with_the_inline_ones_once_it_has_caught_up()
    {
        var id = Guid.NewGuid();
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Radios", 1000m));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await scene.Count("select count(*) from {s}.dossier_titles where id = $1", id) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription did not catch up within 30 s");
            await Task.Delay(50);
        }

        var replay = await (await scene.Client().PostAsync(Path("/audit/replay"), null)).Body();

        Assert.True(replay.GetProperty("ok").GetBoolean(), replay.ToString());
        Assert.Equal(["dossiers", "dossier-titles"], replay.GetProperty("projections").EnumerateArray().Select(p => p.GetString()));
        var titles = replay.GetProperty("tables").EnumerateArray().Single(t => t.Text("table") == "dossier_titles");
        Assert.Equal((1L, 1L), (titles.GetProperty("liveRows").GetInt64(), titles.GetProperty("replayRows").GetInt64()));
    }
}

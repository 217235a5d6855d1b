using System.Globalization;
using System.Net;
using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_reading_a_state_as_of(AuditScene scene) : IClassFixture<AuditScene>
{
    private readonly HttpClient _client = scene.Client();

    [Fact]
    public async Task Should_rebuild_the_state_from_the_events_up_to_that_instant()
    {
        var (id, start) = (Guid.NewGuid(), scene.Clock.GetUtcNow());
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Radios", 1000m));
        scene.Clock.Advance(TimeSpan.FromHours(1));
        await scene.Append(id, 1, new EventMetadata(id), new DossierAmended(800m, "Budget line 4"));
        scene.Clock.Advance(TimeSpan.FromHours(1));
        await scene.Append(id, 2, new EventMetadata(id), new DossierClosed("Done"));

        var then = await State(id, start.AddMinutes(90));
        var now = await (await _client.GetAsync(Path($"/audit/state/{id}"))).Body();

        Assert.Equal((2L, "dossier", scene.Service), (then.GetProperty("version").GetInt64(), then.Text("streamType"), then.Text("service")));
        Assert.Equal(start.AddMinutes(90), then.GetProperty("asOf").GetDateTimeOffset());
        var state = then.GetProperty("state");
        Assert.Equal((800m, "open", 1), (state.GetProperty("amount").GetDecimal(), state.Text("status"), state.GetProperty("amendments").GetInt32()));
        Assert.Equal((3L, "closed"), (now.GetProperty("version").GetInt64(), now.GetProperty("state").Text("status")));
        await (await _client.GetAsync(Path($"/audit/state/{id}?asOf={Escape(start.AddSeconds(-1))}")))
            .Problem(HttpStatusCode.NotFound, "audit.stream_not_yet_created");
    }

    [Fact]
    public async Task Should_read_a_date_as_the_end_of_that_day_in_Brussels()
    {
        var id = Guid.NewGuid();
        // 23:30 in Brussels (summer time, UTC+2) on 10 June, then 01:30 on 11 June.
        scene.Clock.Advance(new DateTimeOffset(2030, 6, 10, 21, 30, 0, TimeSpan.Zero) - scene.Clock.GetUtcNow());
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Late evening", 10m));
        scene.Clock.Advance(TimeSpan.FromHours(2));
        await scene.Append(id, 1, new EventMetadata(id), new DossierAmended(20m, "After midnight"));

        var tenth = await (await _client.GetAsync(Path($"/audit/state/{id}?asOf=2030-06-10"))).Body();
        var eleventh = await (await _client.GetAsync(Path($"/audit/state/{id}?asOf=2030-06-11"))).Body();

        Assert.Equal(1L, tenth.GetProperty("version").GetInt64());
        Assert.Equal(10m, tenth.GetProperty("state").GetProperty("amount").GetDecimal());
        Assert.Equal(2L, eleventh.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Should_refuse_what_it_cannot_answer_with_a_clear_problem()
    {
        var notebook = Guid.NewGuid();
        var session = scene.Store.OpenSession(new EventMetadata());
        session.StartStream(notebook, "notebook", new DossierOpened("A stream type with no state registered", 1m));
        await session.SaveChanges(CancellationToken.None);

        await (await _client.GetAsync(Path($"/audit/state/{Guid.NewGuid()}"))).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await _client.GetAsync(Path($"/audit/state/{notebook}"))).Problem(HttpStatusCode.UnprocessableEntity, "audit.state_not_registered");
        var invalid = await (await _client.GetAsync(Path($"/audit/state/{notebook}?asOf=yesterday"))).Problem(HttpStatusCode.BadRequest, "request.invalid");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("asOf", out _));
        await (await _client.GetAsync(Path($"/audit/state/{notebook}?asOf=2026-03-01T12:00:00"))).Problem(HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task Should_answer_through_the_command_line_from_the_service_that_owns_the_stream()
    {
        var (id, start) = (Guid.NewGuid(), scene.Clock.GetUtcNow());
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Radios", 1000m));
        scene.Clock.Advance(TimeSpan.FromHours(1));
        await scene.Append(id, 1, new EventMetadata(id), new DossierAmended(750m, "Budget line 4"));

        var (exit, output, error) = await scene.Cli("state", id.ToString(), "--as-of", start.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
        var (missingExit, _, missingError) = await scene.Cli("state", Guid.NewGuid().ToString());
        var (badExit, _, _) = await scene.Cli("state", id.ToString(), "--as-of", "last tuesday");

        Assert.True(exit == 0, error);
        var state = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(1L, state.GetProperty("version").GetInt64());
        Assert.Equal(1000m, state.GetProperty("state").GetProperty("amount").GetDecimal());
        Assert.Equal(1, missingExit);
        Assert.Contains("No service has a stream", missingError, StringComparison.Ordinal);
        Assert.Equal(2, badExit);
    }

    private async Task<System.Text.Json.JsonElement> State(Guid id, DateTimeOffset asOf) =>
        await (await _client.GetAsync(Path($"/audit/state/{id}?asOf={Escape(asOf)}"))).Body();

    private static string Escape(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));
}

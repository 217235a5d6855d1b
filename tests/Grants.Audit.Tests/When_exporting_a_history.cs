using System.Net;
using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_exporting_a_history(AuditScene scene) : IClassFixture<AuditScene>
{
    private readonly HttpClient _client = scene.Client();

    [Fact]
    public async Task Should_give_every_event_with_its_payload_as_a_json_file()
    {
        var application = Guid.NewGuid();
        await scene.Append(application, 0, new EventMetadata(application, null, "olga", "officer"), new DossierOpened("Radios", 1000m));
        await scene.Append(application, 1, new EventMetadata(application, null, "paul", "approver"), new DossierAmended(800m, "Line 4"));

        var response = await _client.GetAsync(Path($"/audit/export/{application}?format=json"));
        var export = await response.Body();

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"audit-{scene.Service}-{application}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(application, export.GetProperty("id").GetGuid());
        var events = export.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(("Radios", 1000m), (events[0].GetProperty("data").Text("title"), events[0].GetProperty("data").GetProperty("amount").GetDecimal()));
        Assert.Equal("Line 4", events[1].GetProperty("data").Text("reason"));
        Assert.All(events, e => Assert.Equal(64, e.Text("hash").Length));
    }

    [Fact]
    public async Task Should_give_a_csv_file_a_spreadsheet_reads_safely()
    {
        var application = Guid.NewGuid();
        await scene.Append(application, 0, new EventMetadata(application, null, "=HYPERLINK(\"http://evil\")", "officer"), new DossierOpened("Radios, \"walkie-talkies\"", 1000m));
        await scene.Append(application, 1, new EventMetadata(application, null, "paul", "approver"), new DossierAmended(800m, "Line 4, see annex"));

        var response = await _client.GetAsync(Path($"/audit/export/{application}?format=csv"));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Csv.Parse(csv);
        Assert.Equal(3, rows.Count);
        var header = rows[0];
        Assert.Equal(["service", "sequence", "time", "stream_id", "stream_type", "version", "type", "actor", "role"], header.Take(9));
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        var (actor, reason, data) = (header.IndexOf("actor"), header.IndexOf("reason"), header.IndexOf("data"));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", rows[1][actor]);
        Assert.Equal("Radios, \"walkie-talkies\"", System.Text.Json.JsonDocument.Parse(rows[1][data]).RootElement.Text("title"));
        Assert.Equal("Line 4, see annex", rows[2][reason]);
        Assert.Equal(application, Guid.Parse(rows[2][header.IndexOf("correlation_id")]));
    }

    [Fact]
    public async Task Should_find_a_call_by_its_stream_even_without_a_correlation()
    {
        var call = Guid.NewGuid();
        await scene.Append(call, 0, new EventMetadata(null, null, "olga", "officer"), new DossierOpened("Call 2027", 3_000_000m));
        await scene.Append(Guid.NewGuid(), 0, new EventMetadata(call, null, "olga", "officer"), new DossierOpened("Linked to the call", 1m));

        var export = await (await _client.GetAsync(Path($"/audit/export/{call}"))).Body();

        Assert.Equal(2, export.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_an_unknown_format()
    {
        var problem = await (await _client.GetAsync(Path($"/audit/export/{Guid.NewGuid()}?format=xml"))).Problem(HttpStatusCode.BadRequest, "request.invalid");

        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Should_write_the_file_through_the_command_line()
    {
        var application = Guid.NewGuid();
        await scene.Append(application, 0, new EventMetadata(application, null, "olga", "officer"), new DossierOpened("Radios", 1000m));

        var (csvExit, csv, csvError) = await scene.Cli("export", application.ToString(), "--format", "csv");
        var (jsonExit, json, _) = await scene.Cli("export", application.ToString());

        Assert.True(csvExit == 0, csvError);
        Assert.StartsWith("service,sequence,", csv, StringComparison.Ordinal);
        Assert.Contains(scene.Service + ",", csv, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("events").GetArrayLength());
    }
}

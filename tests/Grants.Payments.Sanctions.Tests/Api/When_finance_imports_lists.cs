using System.Net;
using System.Text;
using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Tests.Api;

public sealed class When_finance_imports_lists(PaymentsHost host) : IClassFixture<PaymentsHost>
{
    private readonly HttpClient _finance = host.As("finance", "fiona");

    [Fact]
    public async Task Should_record_each_new_file_as_a_version_and_an_identical_file_as_nothing_new()
    {
        var first = await (await _finance.PostXml("/sanctions/lists", Samples.Un)).Json(HttpStatusCode.Created);
        var again = await (await _finance.PostXml("/sanctions/lists", Samples.Un)).Json(HttpStatusCode.OK);

        Assert.True(first.GetProperty("imported").GetBoolean());
        Assert.False(again.GetProperty("imported").GetBoolean());
        Assert.Equal(first.GetProperty("version").GetString(), again.GetProperty("version").GetString());
        Assert.StartsWith("UN:2026-11-30T23:00:03Z:", first.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await host.Scalar<long>("select count(*) from {s}.events where type = 'sanctions.list_imported' and data->>'source' = 'UN'"));
        Assert.Equal(5L, await host.Scalar<long>("select count(*) from {s}.sanctions_entries e join {s}.sanctions_list_files f using (content_hash) where f.source = 'UN'"));
        var versions = await (await _finance.Get("/sanctions/lists?source=UN")).Json(HttpStatusCode.OK);
        var version = Assert.Single(versions.GetProperty("items").EnumerateArray());
        Assert.Equal("fiona", version.GetProperty("importedBy").GetString());
        Assert.Equal(first.GetProperty("contentHash").GetString(), version.GetProperty("contentHash").GetString());
        Assert.Equal(5, version.GetProperty("entryCount").GetInt32());
    }

    [Fact]
    public async Task Should_keep_the_file_so_its_hash_can_be_checked()
    {
        var response = await _finance.PostXml("/sanctions/lists", Samples.Eu);
        var imported = await response.Json(response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Created);
        var hash = imported.GetProperty("contentHash").GetString()!;

        Assert.StartsWith("EU:2026-12-01T17:40:51Z:", imported.GetProperty("version").GetString(), StringComparison.Ordinal);

        var stored = await host.Scalar<byte[]>("select content from {s}.sanctions_list_files where content_hash = $1", hash);

        Assert.Equal(Samples.Eu, stored);
    }

    [Fact]
    public async Task Should_refuse_what_is_not_a_list_and_change_nothing()
    {
        var before = await host.Scalar<long>("select count(*) from {s}.events");

        await (await _finance.PostXml("/sanctions/lists", Encoding.UTF8.GetBytes("<html><body>maintenance</body></html>")))
            .Problem(HttpStatusCode.UnprocessableEntity, ListFile.InvalidCode);
        await (await _finance.PostXml("/sanctions/lists", [])).Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        await (await _finance.PostXml("/sanctions/lists", Encoding.UTF8.GetBytes("<CONSOLIDATED_LIST dateGenerated=\"2026-12-01\"><INDIVIDUALS/></CONSOLIDATED_LIST>")))
            .Problem(HttpStatusCode.UnprocessableEntity, "sanctions.list_empty");

        Assert.Equal(before, await host.Scalar<long>("select count(*) from {s}.events"));
    }

    [Fact]
    public async Task Should_let_only_finance_import_and_keep_screening_results_from_applicants()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As("officer").PostXml("/sanctions/lists", Samples.Un)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As("auditor").PostXml("/sanctions/lists", Samples.Un)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As("applicant", "ngo-user", Guid.NewGuid()).Get("/sanctions/hits")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.As("auditor").Get("/sanctions/lists")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().Get("/sanctions/lists")).StatusCode);
    }

    [Fact]
    public async Task Should_describe_the_sanctions_routes_in_the_openapi_document()
    {
        var document = await (await host.CreateClient().Get("/openapi/v1.json")).Json(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/sanctions/lists", out _));
        Assert.True(paths.TryGetProperty("/sanctions/hits/{hitId}/decision", out _));
        Assert.True(paths.TryGetProperty("/sanctions/organisations/{organisationId}", out _));
    }
}

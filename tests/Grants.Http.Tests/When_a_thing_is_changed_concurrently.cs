using System.Net;
using System.Net.Http.Json;
using Grants.Hosting.Http;
using static Grants.Http.Tests.Responses;

namespace Grants.Http.Tests;

public sealed class When_a_thing_is_changed_concurrently(HttpHost host) : IClassFixture<HttpHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Should_answer_reads_and_writes_with_the_stream_version_as_etag()
    {
        var id = await Create();

        var read = await _client.GetAsync(Path($"/test/things/{id}"));
        Assert.Equal("\"1\"", read.ETag());

        var renamed = await Rename(id, "Second", ifMatch: "\"1\"");
        Assert.Equal("Second", (await renamed.Body<ThingView>(HttpStatusCode.OK)).Title);
        Assert.Equal("\"2\"", renamed.ETag());
        Assert.Equal("\"2\"", (await _client.GetAsync(Path($"/test/things/{id}"))).ETag());
    }

    [Fact]
    public async Task Should_require_if_match_on_an_update_with_428()
    {
        var id = await Create();

        await (await Rename(id, "Second", ifMatch: null)).Problem(HttpStatusCode.PreconditionRequired, ProblemCodes.IfMatchRequired);

        Assert.Equal("First", (await _client.GetFromJsonAsync<ThingView>(Path($"/test/things/{id}")))!.Title);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("\"0\"")]
    [InlineData("\"one\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task Should_refuse_an_if_match_that_is_not_one_version_with_400(string ifMatch)
    {
        var id = await Create();

        await (await Rename(id, "Second", ifMatch)).Problem(HttpStatusCode.BadRequest, ProblemCodes.IfMatchInvalid);
    }

    [Fact]
    public async Task Should_refuse_a_stale_if_match_with_412_and_the_current_version()
    {
        var id = await Create();
        Assert.Equal(HttpStatusCode.OK, (await Rename(id, "Second", ifMatch: "\"1\"")).StatusCode);

        var stale = await Rename(id, "Lost update", ifMatch: "\"1\"");

        var problem = await stale.Problem(HttpStatusCode.PreconditionFailed, "stream.concurrency_conflict");
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("Second", (await _client.GetFromJsonAsync<ThingView>(Path($"/test/things/{id}")))!.Title);
    }

    [Fact]
    public async Task Should_answer_a_conflict_without_if_match_with_409_and_the_current_version()
    {
        var id = await Create();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync(Path($"/test/things/{id}/renames"), new { title = "Second", basedOn = 1 })).StatusCode);

        var response = await _client.PostAsJsonAsync(Path($"/test/things/{id}/renames"), new { title = "Lost update", basedOn = 1 });

        var problem = await response.Problem(HttpStatusCode.Conflict, "stream.concurrency_conflict");
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task Should_answer_an_update_of_a_missing_stream_with_404()
    {
        await (await Rename(Guid.NewGuid(), "Second", ifMatch: "\"1\"")).Problem(HttpStatusCode.NotFound, "stream.not_found");
    }

    private async Task<Guid> Create()
    {
        var response = await _client.PostAsJsonAsync(Path("/test/things"), new { title = "First", amount = 100m, currency = "EUR" });
        Assert.Equal("\"1\"", response.ETag());
        return (await response.Body<ThingView>(HttpStatusCode.Created)).Id;
    }

    private async Task<HttpResponseMessage> Rename(Guid id, string title, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Path($"/test/things/{id}/title")) { Content = JsonContent.Create(new { title }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Grants.Hosting.Http;
using static Grants.Http.Tests.Responses;

namespace Grants.Http.Tests;

public sealed class When_a_request_is_bad(HttpHost host) : IClassFixture<HttpHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Should_list_every_invalid_field_at_once_and_change_nothing()
    {
        var streams = await host.Scalar<long>("select count(*) from {s}.streams");

        var response = await _client.PostAsJsonAsync(Path("/test/things"), new { title = "", amount = -5m, currency = "euro" });

        var problem = await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["amount", "currency", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("is required.", errors.GetProperty("title")[0].GetString());
        Assert.Equal(streams, await host.Scalar<long>("select count(*) from {s}.streams"));
    }

    [Fact]
    public async Task Should_name_a_missing_field_and_a_too_long_one()
    {
        var response = await _client.PostAsJsonAsync(Path("/test/things"), new { title = new string('x', 201), currency = "EUR" });

        var errors = (await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid)).GetProperty("errors");
        Assert.Equal("must be at most 200 characters long.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("is required.", errors.GetProperty("amount")[0].GetString());
    }

    [Fact]
    public async Task Should_answer_malformed_json_with_400()
    {
        using var content = new StringContent("{ \"title\": \"unfinished", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(Path("/test/things"), content);

        await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Malformed);
    }

    [Fact]
    public async Task Should_answer_a_wrong_type_with_400_saying_where()
    {
        using var content = new StringContent("""{ "title": "Radio", "amount": "lots", "currency": "EUR" }""", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(Path("/test/things"), content);

        var problem = await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Malformed);
        Assert.Contains("$.amount", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_body_that_is_not_json_with_415()
    {
        using var content = new StringContent("title=Radio", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _client.PostAsync(Path("/test/things"), content);

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Should_refuse_a_declared_length_over_the_default_limit_with_413_and_change_nothing()
    {
        var streams = await host.Scalar<long>("select count(*) from {s}.streams");
        using var content = new StringContent(ThingJson(new string('x', (int)RequestSizeLimits.DefaultMaxBodyBytes)), Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(Path("/test/things"), content);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge);
        Assert.Equal(streams, await host.Scalar<long>("select count(*) from {s}.streams"));
    }

    [Fact]
    public async Task Should_refuse_a_chunked_body_when_it_crosses_the_limit_with_413()
    {
        using var content = JsonContent.Create(new { title = new string('x', 2 * 1024 * 1024), amount = 1m, currency = "EUR" });
        Assert.Null(content.Headers.ContentLength);

        var response = await _client.PostAsync(Path("/test/things"), content);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge);
    }

    [Fact]
    public async Task Should_accept_a_larger_body_where_the_endpoint_raises_the_limit()
    {
        using var tenMegabytes = new ByteArrayContent(new byte[10 * 1024 * 1024]);
        using var tooMuch = new ByteArrayContent(new byte[TestApi.UploadLimit + 1]);

        Assert.Equal(10 * 1024 * 1024, await (await _client.PostAsync(Path("/test/uploads"), tenMegabytes)).Body<long>(HttpStatusCode.OK));
        await (await _client.PostAsync(Path("/test/uploads"), tooMuch)).Problem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge);
    }

    [Fact]
    public async Task Should_answer_a_domain_error_with_422_and_its_code()
    {
        var response = await _client.PostAsJsonAsync(Path("/test/things"), new { title = "Forbidden radio", amount = 10m, currency = "EUR" });

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "thing.title_forbidden");
        Assert.Equal("A thing may not be called forbidden.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_a_missing_stream_with_404()
    {
        var response = await _client.GetAsync(Path($"/test/things/{Guid.NewGuid()}"));

        await response.Problem(HttpStatusCode.NotFound, "stream.not_found");
    }

    [Fact]
    public async Task Should_answer_an_unknown_route_with_a_404_problem()
    {
        var response = await _client.GetAsync(Path("/no/such/route"));

        var problem = await response.Problem(HttpStatusCode.NotFound, ProblemCodes.RouteNotFound);
        Assert.Equal("/no/such/route", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Should_hide_an_unhandled_exception_behind_a_500_problem()
    {
        var response = await _client.PostAsync(Path("/test/crash"), null);

        var problem = await response.Problem(HttpStatusCode.InternalServerError, ProblemCodes.ServerError);
        var text = problem.GetRawText();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TestApi", text, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    private static string ThingJson(string title) => $$"""{ "title": "{{title}}", "amount": 1, "currency": "EUR" }""";
}

using System.Net;
using System.Net.Http.Json;
using static Grants.Http.Tests.Responses;

namespace Grants.Http.Tests;

public sealed class When_text_contains_markup(HttpHost host) : IClassFixture<HttpHost>
{
    private const string Script = "<script>alert(\"pwned\")</script> & 'Ñandú' Право";

    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Should_store_it_as_text_and_escape_it_in_json()
    {
        var created = await _client.PostAsJsonAsync(Path("/test/things"), new { title = Script, amount = 1m, currency = "EUR" });
        var id = (await created.Body<ThingView>(HttpStatusCode.Created)).Id;

        var raw = await _client.GetStringAsync(Path($"/test/things/{id}"));

        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        Assert.Contains("Ñandú", raw, StringComparison.Ordinal);
        Assert.Contains("Право", raw, StringComparison.Ordinal);
        Assert.Equal(Script, (await _client.GetFromJsonAsync<ThingView>(Path($"/test/things/{id}")))!.Title);
        Assert.Equal(Script, await host.Scalar<string>("select data->>'title' from {s}.events where stream_id = $1", id));
    }
}

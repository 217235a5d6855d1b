using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grants.Review.Tests.Api;

internal static class Responses
{
    /// <summary>Asserts an RFC 9457 problem with this status and code, and returns it.</summary>
    public static async Task<JsonElement> Problem(this Task<HttpResponseMessage> pending, HttpStatusCode status, string code)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> Json(this Task<HttpResponseMessage> pending, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);

    /// <summary>Text lists for request bodies.</summary>
    public static string[] Texts(params string[] texts) => texts;

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));
}

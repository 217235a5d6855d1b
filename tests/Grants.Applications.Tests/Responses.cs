using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grants.Applications.Tests;

internal static class Responses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Asserts an RFC 9457 problem with this status and code, and returns it.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(code == problem.GetProperty("code").GetString(), $"expected {code}: {text}");
        return problem;
    }

    public static async Task<JsonElement> Json200(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<T> Body<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object? body = null, string? ifMatch = null) =>
        Send(client, HttpMethod.Post, path, body, ifMatch);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string path, object body, string? ifMatch) =>
        Send(client, HttpMethod.Put, path, body, ifMatch);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("no ETag");

    public static IReadOnlyList<string> Fields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> ViolationCodes(this JsonElement problem) =>
        [.. problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>MassTransit writes decimals as strings, the APIs as numbers; both read the same here.</summary>
    public static decimal Decimal(this JsonElement value) =>
        decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}

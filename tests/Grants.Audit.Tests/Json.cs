using System.Net;
using System.Text.Json;

namespace Grants.Audit.Tests;

internal static class Json
{
    public static async Task<JsonElement> Body(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.Body(status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is null");

    public static Uri Path(string path) => new(path, UriKind.Relative);
}

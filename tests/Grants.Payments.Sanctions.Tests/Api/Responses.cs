using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grants.Payments.Sanctions.Tests.Api;

internal static class Responses
{
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostXml(this HttpClient client, string path, byte[] xml)
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new("application/xml");
        return client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string path, T body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value: for effects of messages and subscriptions, which land a moment later.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, string what, int seconds = 30)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {seconds} s");
            await Task.Delay(100);
        }
    }
}

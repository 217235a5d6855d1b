using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grants.Hosting.Security;

namespace Grants.Cli.Audit;

/// <summary>One service's answer: the body when it answered 2xx, otherwise its status and problem, or null status when it was unreachable.</summary>
internal sealed record Answer<T>(string Service, T? Body, HttpStatusCode? Status, string? Code, string? Problem)
{
    public bool Ok => Body is not null;

    public bool Unreachable => Status is null;

    public string Describe() => Unreachable
        ? $"{Service}: not reachable: {Problem}"
        : $"{Service}: HTTP {(int)Status!.Value} {Code}: {Problem}";
}

/// <summary>Talks to each service's /audit endpoints with an auditor token signed by the development key.</summary>
internal sealed class AuditClient(IReadOnlyList<(string Name, Uri Url)> services, string token) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static string AuditorToken(LocalSigningKey key, string issuer, string audience)
    {
        var now = DateTimeOffset.UtcNow;
        return key.Sign(new TokenClaims("grants-cli", [GrantsRoles.Auditor], null, issuer, audience, now.AddMinutes(-1), now.AddMinutes(30)));
    }

    public Task<Answer<T>[]> FromEach<T>(HttpMethod method, string path) =>
        Task.WhenAll(services.Select(s => Send<T>(s.Name, method, new Uri(s.Url, path))));

    public async Task<Answer<T>> Send<T>(string service, HttpMethod method, Uri url)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return new Answer<T>(service, default, null, null, error.Message);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return new Answer<T>(service, JsonSerializer.Deserialize<T>(text, Json), response.StatusCode, null, null);
            }

            var (code, detail) = ProblemOf(text);
            return new Answer<T>(service, default, response.StatusCode, code, detail ?? response.ReasonPhrase);
        }
    }

    public void Dispose() => _http.Dispose();

    private static (string? Code, string? Detail) ProblemOf(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            return (root.TryGetProperty("code", out var code) ? code.GetString() : null,
                root.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, text.Length > 200 ? text[..200] : text);
        }
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Grants.Demo;

/// <summary>One service's public HTTP API, called as a given person with a token signed for them.</summary>
public sealed class ServiceApi(string name, HttpClient http, TokenIssuer tokens)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Caller, string> _tokens = new();

    public string Name => name;

    public Task<Reply> Get(Caller caller, string path, CancellationToken ct) => Send(HttpMethod.Get, caller, path, null, null, null, ct);

    public Task<Reply> Post(Caller caller, string path, object? body, CancellationToken ct, long? ifMatch = null, bool idempotent = false) =>
        Send(HttpMethod.Post, caller, path, body, ifMatch, idempotent ? Guid.NewGuid().ToString() : null, ct);

    public Task<Reply> Put(Caller caller, string path, object body, CancellationToken ct, long? ifMatch = null) =>
        Send(HttpMethod.Put, caller, path, body, ifMatch, null, ct);

    public async Task<Reply> Send(HttpMethod method, Caller caller, string path, object? body, long? ifMatch, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetOrAdd(caller, c => tokens(c.Role, c.User, c.Organisation)));
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(body ?? new { }, options: Json);
        }

        var described = $"{method} {name}{path} as {caller.Role} {caller.User}";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ScenarioException($"{described}: {name} is not reachable ({e.Message}).");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ScenarioException($"{described}: {name} did not answer in time.");
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(ct);
            var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && content.Length > 0
                ? JsonDocument.Parse(content).RootElement.Clone()
                : default;
            var etag = response.Headers.ETag?.Tag.Trim('"');
            return new Reply(described, response.StatusCode, json, long.TryParse(etag, CultureInfo.InvariantCulture, out var v) ? v : null, content);
        }
    }
}

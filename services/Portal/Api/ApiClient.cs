using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.Hosting.Audit;

namespace Grants.Portal.Api;

/// <summary>A read and its stream version (the ETag), which a later change sends back as If-Match.</summary>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>Calls one service as the signed-in person; any answer but success becomes an <see cref="ApiException"/> with the service's problem.</summary>
public abstract class ApiClient(HttpClient http)
{
    /// <summary>The services' own default page size, which every list that does not ask for another gets.</summary>
    public const int PageSize = 50;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected async Task<T> Get<T>(string path, CancellationToken ct) => (await GetVersioned<T>(path, ct)).Value;

    protected async Task<Versioned<T>> GetVersioned<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await Read<T>(response, ct);
    }

    protected async Task<Versioned<T>> Send<T>(HttpMethod method, string path, object? body, long? ifMatch, CancellationToken ct, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, ct);
        return await Read<T>(response, ct);
    }

    protected async Task<Versioned<T>> Upload<T>(string path, Stream content, string contentType, long? ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new("application/octet-stream");
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        }

        using var response = await http.SendAsync(request, ct);
        return await Read<T>(response, ct);
    }

    /// <summary>A file as the service sends it, with its name; the caller streams it on to the browser.</summary>
    protected async Task<(byte[] Content, string ContentType, string FileName)> Download(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(await ApiProblem.Read(response, ct));
        }

        return (await response.Content.ReadAsByteArrayAsync(ct),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "download");
    }

    // Every service answers the same auditor endpoints, about what it holds.

    public Task<AuditHistory> Timeline(Guid id, CancellationToken ct) => Get<AuditHistory>($"audit/timeline/{id}", ct);

    public Task<AuditState> State(Guid streamId, string? asOf, CancellationToken ct) => Get<AuditState>(Query($"audit/state/{streamId}", ("asOf", asOf)), ct);

    public Task<AuditVerification> Verify(CancellationToken ct) => Get<AuditVerification>("audit/verify", ct);

    public Task<(byte[] Content, string ContentType, string FileName)> Export(Guid id, string format, CancellationToken ct) =>
        Download(HttpMethod.Get, Query($"audit/export/{id}", ("format", format)), ct);

    protected static string Query(string path, params (string Name, object? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}");
        var query = string.Join('&', given);
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static async Task<Versioned<T>> Read<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(await ApiProblem.Read(response, ct));
        }

        var version = response.Headers.ETag is { } tag && long.TryParse(tag.Tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var value = response.StatusCode == System.Net.HttpStatusCode.NoContent
            ? default!
            : (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
        return new Versioned<T>(value, version);
    }
}

using Microsoft.AspNetCore.Http;

namespace Grants.Hosting.Http;

/// <summary>An answer kept under an idempotency key, replayable byte for byte.</summary>
internal sealed class RecordedResponse(int status, string? contentType, Dictionary<string, string> headers, byte[] body) : IResult
{
    // Headers a client of a creating POST acts on; the rest are the server's to set anew.
    private static readonly string[] Kept = ["Location", "ETag"];

    public int Status => status;

    public string? ContentType => contentType;

    public Dictionary<string, string> Headers => headers;

    public byte[] Body => body;

    public static RecordedResponse Of(HttpResponse response, byte[] body) => new(
        response.StatusCode,
        response.ContentType,
        Kept.Where(name => response.Headers.ContainsKey(name)).ToDictionary(name => name, name => response.Headers[name].ToString()),
        body);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}

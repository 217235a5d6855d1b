using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Grants.Hosting.Http;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs, opted into per endpoint with <see cref="WithIdempotencyKey"/>.
/// Per caller and key, the first completed answer is kept for <see cref="Retention"/> (expired keys are
/// reclaimed when reused and purged lazily): the same request again gets that answer replayed
/// (with <c>Idempotency-Replayed: true</c>) and changes nothing; another request under the same key
/// gets 422 <c>request.idempotency_key_reused</c>; one arriving while the first still runs gets 409
/// <c>request.idempotency_in_progress</c>. A request that fails with an exception or a 5xx leaves no
/// record, so it can be retried under the same key. Without the header the endpoint runs as usual.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a key stays claimed by a request that has not finished: longer than any request
    /// may run (an HTTP client gives up after 100 s by default), short enough that a crashed
    /// instance does not block the client's retry for long.
    /// </summary>
    public static readonly TimeSpan InProgressTimeout = TimeSpan.FromMinutes(2);

    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithMetadata(Marker.Instance)
            .AddEndpointFilter<TBuilder, IdempotencyFilter>();

    internal static bool AppliesTo(HttpContext context) =>
        context.Request.Headers.ContainsKey(Header) && context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>The key, or null without the header; 400 <c>request.idempotency_key_invalid</c> when it is not 1 to 255 printable ASCII characters.</summary>
    internal static string? Read(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return null;
        }

        // The header is a structured-field string ("..."), though many clients send the bare value.
        var key = values is [{ Length: >= 2 } quoted] && quoted[0] == '"' && quoted[^1] == '"' ? quoted[1..^1] : values.Count == 1 ? values[0] : null;
        return key is { Length: >= 1 and <= 255 } && key.All(c => c is >= ' ' and <= '~')
            ? key
            : throw new RequestRejectedException(
                StatusCodes.Status400BadRequest,
                ProblemCodes.IdempotencyKeyInvalid,
                "Idempotency-Key must be one value of 1 to 255 printable ASCII characters.");
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}

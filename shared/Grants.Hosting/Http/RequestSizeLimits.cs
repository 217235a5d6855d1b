using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Grants.Hosting.Http;

/// <summary>
/// Every request body is limited to <see cref="DefaultMaxBodyBytes"/> unless its endpoint says
/// otherwise; a larger one gets 413 <c>request.too_large</c> and is not processed.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Ample for any JSON command here; uploads raise it on their endpoint.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Overrides the limit for this endpoint or group, e.g. <c>.WithMaxBodySize(12 * 1024 * 1024)</c> for 10 MB attachments.</summary>
    public static TBuilder WithMaxBodySize<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return builder.WithMetadata(new MaxBodySize(bytes));
    }

    // The framework's own interface, so Kestrel's routing applies the same limit while it reads.
    private sealed record MaxBodySize(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}

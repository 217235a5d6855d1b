using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Grants.Hosting.Http;

/// <summary>
/// Applies the endpoint's body limit (or the default) before anything reads the body: a declared
/// length over it is refused at once, a chunked body when it crosses it.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared
            ? declared.MaxRequestBodySize
            : RequestSizeLimits.DefaultMaxBodyBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                throw new RequestRejectedException(
                    StatusCodes.Status413PayloadTooLarge,
                    ProblemCodes.TooLarge,
                    $"The request body is {context.Request.ContentLength} bytes; this endpoint accepts at most {max}.");
            }

            // Servers without the feature (the in-memory test server) would read any length.
            if (feature is null)
            {
                context.Request.Body = new LimitedReadStream(context.Request.Body, max);
            }
        }

        return next(context);
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Grants.Hosting.Http;

/// <summary>Runs an endpoint at most once per caller and <c>Idempotency-Key</c>; see <see cref="IdempotencyKeys"/>.</summary>
internal sealed class IdempotencyFilter(IdempotencyStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (IdempotencyKeys.Read(context.Request) is not { } key)
        {
            return await next(invocation);
        }

        var request = new IdempotentRequest(
            Principal(context.User), key, context.Request.Method, context.Request.Path, await BodyHash(context.Request, context.RequestAborted));
        var token = Guid.NewGuid();
        // A record seen as taken may be released before it is read; then the key is free again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.TryClaim(request, token, context.RequestAborted))
            {
                return await RunOnce(invocation, next, request, token);
            }

            if (await store.Find(request.Principal, key, context.RequestAborted) is ({ } original, var response))
            {
                if (!original.IsSameAs(request))
                {
                    return Reused();
                }

                return response is null ? InProgress(context) : response;
            }
        }

        return InProgress(context);
    }

    private async Task<IResult> RunOnce(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, IdempotentRequest request, Guid token)
    {
        var context = invocation.HttpContext;
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        RecordedResponse response;
        try
        {
            context.Response.Body = buffer;
            var result = await next(invocation);
            await AsResult(result).ExecuteAsync(context);
            response = RecordedResponse.Of(context.Response, buffer.ToArray());
        }
        catch
        {
            await store.Release(request, token, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = body;
        }

        // A server failure may not happen again: the client should be able to retry under the same key.
        if (response.Status >= StatusCodes.Status500InternalServerError)
        {
            await store.Release(request, token, CancellationToken.None);
        }
        else
        {
            await store.Complete(request, token, response, CancellationToken.None);
        }

        await body.WriteAsync(response.Body, context.RequestAborted);
        return Results.Empty;
    }

    // What minimal APIs would do with a handler's return value, done here so the answer can be recorded.
    private static IResult AsResult(object? result) => result switch
    {
        IResult r => r,
        string text => TypedResults.Text(text),
        null => Results.Empty,
        _ => TypedResults.Json(result),
    };

    private static ProblemHttpResult Reused() => TypedResults.Problem(Problems.Of(
        StatusCodes.Status422UnprocessableEntity,
        ProblemCodes.IdempotencyKeyReused,
        "This Idempotency-Key was used for a different request; use a new key for a new request."));

    private static ProblemHttpResult InProgress(HttpContext context)
    {
        context.Response.Headers[HeaderNames.RetryAfter] = "1";
        return TypedResults.Problem(Problems.Of(
            StatusCodes.Status409Conflict,
            ProblemCodes.IdempotencyInProgress,
            "A request with this Idempotency-Key is still being processed; retry shortly to get its answer."));
    }

    private static string Principal(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity?.Name ?? "anonymous";

    private static async Task<byte[]> BodyHash(HttpRequest request, CancellationToken ct)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("Idempotency-Key needs the request body buffered: call UseApiConventions() before mapping endpoints.");
        }

        request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(request.Body, ct);
        request.Body.Position = 0;
        return hash;
    }
}

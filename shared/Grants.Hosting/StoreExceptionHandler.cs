using Grants.EventSourcing;
using Grants.Hosting.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Grants.Hosting;

/// <summary>Turns the store's typed errors into RFC 9457 problem details with a stable <c>code</c>.</summary>
internal sealed class StoreExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not EventStoreException error)
        {
            return false;
        }

        var status = error switch
        {
            // A client that sent If-Match asked for a conditional change: its precondition failed.
            ConcurrencyException when httpContext.Request.Headers.IfMatch.Count > 0 => StatusCodes.Status412PreconditionFailed,
            ConcurrencyException => StatusCodes.Status409Conflict,
            StreamNotFoundException => StatusCodes.Status404NotFound,
            EventTooLargeException => StatusCodes.Status413PayloadTooLarge,
            DuplicateMessageException => StatusCodes.Status409Conflict,
            EventStoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        var problem = Problems.Of(status, error.Code, error.Message);
        // In the body, not as an ETag: the exception handler strips caching headers, ETag included, from error responses.
        if (error is ConcurrencyException { ActualVersion: > 0 } conflict)
        {
            problem.Extensions["currentVersion"] = conflict.ActualVersion;
        }

        await Problems.Write(httpContext, problem);
        return true;
    }
}

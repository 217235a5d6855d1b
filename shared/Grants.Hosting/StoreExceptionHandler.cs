using Grants.EventSourcing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Grants.Hosting;

/// <summary>Turns the store's typed errors into RFC 9457 problem details with a stable <c>code</c>.</summary>
internal sealed class StoreExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not EventStoreException error)
        {
            return false;
        }

        httpContext.Response.StatusCode = error switch
        {
            ConcurrencyException => StatusCodes.Status409Conflict,
            StreamNotFoundException => StatusCodes.Status404NotFound,
            EventTooLargeException => StatusCodes.Status413PayloadTooLarge,
            DuplicateMessageException => StatusCodes.Status409Conflict,
            EventStoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = httpContext.Response.StatusCode,
                Title = error.Message,
                Extensions = { ["code"] = error.Code },
            },
        });
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Hosting.Http;

/// <summary>Turns domain errors and rejected requests into problem details with their stable code; anything else is left to the 500.</summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary())
            {
                Status = e.Status,
                Detail = e.Message,
                Extensions = { ["code"] = e.Code },
            },
            RequestRejectedException e => Problems.Of(e.Status, e.Code, e.Message),
            DomainException e => Problems.Of(StatusOf(e.Kind), e.Code, e.Message),
            BadHttpRequestException e => Problems.Of(e.StatusCode, ProblemCodes.ForStatus(httpContext, e.StatusCode), Describe(e)),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        await Problems.Write(httpContext, problem);
        return true;
    }

    private static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    // The serializer's own message names .NET types; the path is what the client can act on.
    private static string Describe(BadHttpRequestException error) => error.InnerException is JsonException json
        ? $"The request body is not valid JSON for this request, or a value has the wrong type (at '{json.Path ?? "$"}')."
        : error.Message;
}

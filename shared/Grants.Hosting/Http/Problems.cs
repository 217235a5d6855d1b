using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Hosting.Http;

internal static class Problems
{
    public static ProblemDetails Of(int status, string code, string detail) =>
        new() { Status = status, Detail = detail, Extensions = { ["code"] = code } };

    /// <summary>
    /// Writes through the problem details service (so every problem gets the same defaults), and as
    /// plain problem+json when the client's Accept rules that service out: an error is never dropped.
    /// </summary>
    public static Task Write(HttpContext context, ProblemDetails problem) => TypedResults.Problem(problem).ExecuteAsync(context);
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Applications.Common;

/// <summary>Writes every violation of a refused command: by field, as validation errors read, and with their codes.</summary>
internal sealed class RulesViolatedHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RulesViolatedException error)
        {
            return false;
        }

        var problem = new HttpValidationProblemDetails(error.Violations
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = error.Message,
            Extensions =
            {
                ["code"] = error.Code,
                ["violations"] = error.Violations.Select(v => new { v.Code, v.Field, v.Message }).ToList(),
            },
        };
        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }
}

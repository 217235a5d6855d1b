using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Grants.Portal.Pages;

/// <summary>
/// A service that answers 404 (what it says about another organisation's data too) or 403 makes
/// the page answer the same; other failures a page did not handle are server errors.
/// </summary>
public sealed class ApiProblemFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is ApiException { Problem.Status: 404 or 403 } error)
        {
            context.Result = new StatusCodeResult(error.Problem.Status);
            context.ExceptionHandled = true;
        }
    }
}

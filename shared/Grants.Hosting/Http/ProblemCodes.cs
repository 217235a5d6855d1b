using Microsoft.AspNetCore.Http;

namespace Grants.Hosting.Http;

/// <summary>
/// The stable <c>code</c>s the kit puts on problem details. Domain codes (<c>application.*</c>) come
/// from the deciders; these cover the request and the server, whatever produced the error.
/// </summary>
public static class ProblemCodes
{
    public const string Malformed = "request.malformed";
    public const string Invalid = "request.invalid";
    public const string TooLarge = "request.too_large";
    public const string IfMatchRequired = "request.if_match_required";
    public const string IfMatchInvalid = "request.if_match_invalid";
    public const string IdempotencyKeyInvalid = "request.idempotency_key_invalid";
    public const string IdempotencyKeyReused = "request.idempotency_key_reused";
    public const string IdempotencyInProgress = "request.idempotency_in_progress";
    public const string RouteNotFound = "route.not_found";
    public const string ResourceNotFound = "resource.not_found";
    public const string ServerError = "server.error";
    public const string ServerUnavailable = "server.unavailable";

    /// <summary>The code for a problem the framework wrote by status alone (no route, a binding failure, an unhandled exception).</summary>
    internal static string ForStatus(HttpContext context, int status) => status switch
    {
        StatusCodes.Status400BadRequest => Malformed,
        StatusCodes.Status401Unauthorized => "request.unauthenticated",
        StatusCodes.Status403Forbidden => "request.forbidden",
        StatusCodes.Status404NotFound => context.GetEndpoint() is null ? RouteNotFound : ResourceNotFound,
        StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
        StatusCodes.Status406NotAcceptable => "request.not_acceptable",
        StatusCodes.Status408RequestTimeout => "request.timeout",
        StatusCodes.Status409Conflict => "request.conflict",
        StatusCodes.Status411LengthRequired => "request.length_required",
        StatusCodes.Status412PreconditionFailed => "request.precondition_failed",
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
        StatusCodes.Status422UnprocessableEntity => "request.unprocessable",
        StatusCodes.Status428PreconditionRequired => "request.precondition_required",
        StatusCodes.Status429TooManyRequests => "request.too_many",
        StatusCodes.Status503ServiceUnavailable => ServerUnavailable,
        >= 500 => ServerError,
        _ => "request.failed",
    };

    /// <summary>Runs on every problem details the host writes: one without a code gets the one for its status.</summary>
    internal static void AddDefaults(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", ForStatus(context.HttpContext, status));
        problem.Instance ??= context.HttpContext.Request.Path;
    }
}

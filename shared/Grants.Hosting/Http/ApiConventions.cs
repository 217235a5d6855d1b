using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Hosting.Http;

/// <summary>
/// The HTTP conventions of every Grants API (DESIGN 9): problem details with a stable code for
/// every error, body limits, Idempotency-Key. Endpoints add the rest with the helpers here:
/// <see cref="Validation"/>, <see cref="StreamVersions"/>, <see cref="PageRequest"/>.
/// </summary>
public static class ApiConventions
{
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                ProblemCodes.AddDefaults(context);
            };
        });
        // Binding failures (malformed JSON, a wrong type) then reach the exception handler in every
        // environment, not only in Development, and answer with what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // ASP.NET Core's own default leaves <, > and & as they are (UnsafeRelaxedJsonEscaping); text a
        // user typed is escaped instead, so a response that ends up in HTML cannot carry markup.
        // Letters of every script stay readable.
        services.Configure<JsonOptions>(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton(IdempotencyStore.Migrations);
        return services;
    }

    /// <summary>After the exception handler, before the endpoints: limits bodies and keeps idempotent requests' bodies for hashing.</summary>
    public static IApplicationBuilder UseApiConventions(this IApplicationBuilder app) => app
        .UseMiddleware<RequestBodyLimit>()
        .Use((context, next) =>
        {
            if (IdempotencyKeys.AppliesTo(context))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
}

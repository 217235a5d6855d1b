using System.Security.Claims;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Services.Tests.Security;

/// <summary>
/// Test-only endpoints, one per policy, mounted behind the service's own pipeline: a request reaches
/// them only after the service's authentication, fallback policy and error handling have had their
/// say, and their own policy is checked with the policies the service registered.
/// </summary>
internal sealed class PolicyProbe : IStartupFilter
{
    public static void Install(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PolicyProbe>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(Map);
    };

    private static void Map(IEndpointRouteBuilder endpoints)
    {
        var probe = endpoints.MapGroup("/probe");
        probe.MapGet("/read", (ClaimsPrincipal user) => new Caller(user.UserId(), user.FindAll(GrantsClaims.Role).Select(c => c.Value).ToArray(), user.ApplicantOrganisation()))
            .RequireAuthorization(GrantsPolicies.Read);
        foreach (var role in GrantsRoles.All)
        {
            probe.MapPost($"/{role}", () => Results.NoContent()).RequireAuthorization(role);
        }

        probe.MapGet("/organisations/{organisationId:guid}", (Guid organisationId, ClaimsPrincipal user) =>
        {
            user.EnsureMaySee(organisationId, organisationId);
            return Results.Ok(organisationId);
        }).RequireAuthorization(GrantsPolicies.Read);
    }
}

internal sealed record Caller(string User, string[] Roles, Guid? Organisation);

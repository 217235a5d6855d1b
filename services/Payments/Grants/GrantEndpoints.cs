using System.Security.Claims;
using Grants.Hosting.Security;
using Grants.Payments.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grants.Payments.Grants;

public static class GrantEndpoints
{
    public static IEndpointRouteBuilder MapGrants(this IEndpointRouteBuilder app)
    {
        var grants = app.MapGroup("/grants").WithTags("Grants").RequireAuthorization(GrantsPolicies.Records);
        grants.MapGet("", List);
        grants.MapGet("/{id:guid}", Get);
        return app;
    }

    // An applicant sees its own organisation's grants; one whose token names none sees none.
    private static async Task<Paged<GrantSummary>> List(
        Guid? callId, PageRequest page, ClaimsPrincipal user, LedgerQueries ledger, CancellationToken ct) =>
        await ledger.Grants(callId, user.IsInRole(GrantsRoles.Applicant) ? user.ApplicantOrganisation() ?? Guid.Empty : null, page, ct);

    private static async Task<Ok<GrantView>> Get(Guid id, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        var grant = await store.AggregateStream<Grant>(id, ct: ct);
        if (grant.State.Terms is null)
        {
            throw new StreamNotFoundException(id);
        }

        user.EnsureMaySee(grant.State.OrganisationId, id);
        context.Response.SetETag(grant.Version);
        return TypedResults.Ok(GrantView.Of(id, grant.State));
    }
}

using System.Security.Claims;
using Grants.Hosting.Security;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Payments.Grants;

public sealed record PrepareTrancheRequest(decimal? Amount, string? Currency, DateOnly? ExecutionDate);

/// <summary>
/// The two signatures over HTTP. Both send If-Match: a signer signs the grant as they last read it.
/// The screening comes from the sanctions feature; [FromServices] keeps a host without it from
/// mistaking it for a request body.
/// </summary>
public static class TrancheEndpoints
{
    public static IEndpointRouteBuilder MapTranches(this IEndpointRouteBuilder app)
    {
        var tranches = app.MapGroup("/grants/{id:guid}/tranches/{number:int}").WithTags("Grants");
        tranches.MapPost("/preparation", Prepare).RequireAuthorization(GrantsPolicies.Finance);
        tranches.MapPost("/approval", Approve).RequireAuthorization(GrantsPolicies.Approver);
        return app;
    }

    private static async Task<Ok<GrantView>> Prepare(
        Guid id, int number, PrepareTrancheRequest body, ClaimsPrincipal user, EventStore store, [FromServices] IPaymentScreening screening,
        TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.Amount), body.Amount)
            .Range(nameof(body.Amount), body.Amount, 0.01m, 1_000_000_000m)
            .Must(body.Amount is null || decimal.Round(body.Amount.Value, 2) == body.Amount.Value, nameof(body.Amount), "must be in whole cents.")
            .Required(nameof(body.Currency), body.Currency)
            .Must(body.Currency is null || (body.Currency.Length == 3 && body.Currency.All(char.IsAsciiLetterUpper)), nameof(body.Currency), "must be an ISO 4217 code such as EUR.")
            .Required(nameof(body.ExecutionDate), body.ExecutionDate)
            .ThrowIfInvalid();
        var expected = context.Request.ExpectedVersion();
        return await Sign(id, expected, user, GrantsRoles.Finance, store, screening, context, (payee, verdict, by) =>
            new PrepareTranche(number, new Money(body.Amount!.Value, body.Currency!), body.ExecutionDate!.Value, by, payee, verdict, time.GetUtcNow()), ct);
    }

    private static async Task<Ok<GrantView>> Approve(
        Guid id, int number, ClaimsPrincipal user, EventStore store, [FromServices] IPaymentScreening screening, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var expected = context.Request.ExpectedVersion();
        return await Sign(id, expected, user, GrantsRoles.Approver, store, screening, context, (payee, verdict, by) =>
            new ApproveTranche(number, by, payee, verdict, time.GetUtcNow()), ct);
    }

    private static async Task<Ok<GrantView>> Sign(
        Guid id, long expected, ClaimsPrincipal user, string role, EventStore store, IPaymentScreening screening, HttpContext context,
        Func<Payee, ScreeningVerdict, Actor, GrantCommand> command, CancellationToken ct)
    {
        var grant = await store.AggregateStream<Grant>(id, ct: ct);
        if (grant.State.Terms is null)
        {
            throw new StreamNotFoundException(id);
        }

        var session = store.OpenSession(new EventMetadata(grant.State.ApplicationId, UserId: user.UserId(), Role: role));
        var payee = await session.FetchForWriting<Payee>(grant.State.OrganisationId, ct);
        var verdict = await screening.ScreenForPayment(grant.State.OrganisationId, ct);
        var events = GrantDecider.Decide(command(payee.State, verdict, new Actor(user.UserId(), role)), grant.State);
        if (events.Count > 0)
        {
            session.Append(id, expected, events);
            await session.SaveChanges(ct);
        }

        var state = events.Aggregate(grant.State, Grant.Evolve);
        context.Response.SetETag(events.Count > 0 ? expected + events.Count : grant.Version);
        return TypedResults.Ok(GrantView.Of(id, state));
    }
}

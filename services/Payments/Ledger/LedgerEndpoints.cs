using Grants.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grants.Payments.Ledger;

/// <summary>Unit staff and auditors see the money of a whole call; applicants see only their own grants (through /grants).</summary>
public static class LedgerEndpoints
{
    private static readonly string[] Statuses = ["planned", "due", "blocked", "prepared", "approved", "batched", "paid", "withheld"];

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calls/{callId:guid}/ledger", Call).WithTags("Ledger").RequireAuthorization(GrantsPolicies.Staff);
        app.MapGet("/tranches", Tranches).WithTags("Ledger").RequireAuthorization(GrantsPolicies.Staff);
        return app;
    }

    private static async Task<Ok<CallLedger>> Call(Guid callId, LedgerQueries ledger, CancellationToken ct) =>
        TypedResults.Ok(await ledger.Call(callId, ct) ?? throw new DomainException("call.not_found", "Payments knows no such call.", DomainErrorKind.NotFound));

    /// <summary><c>?status=</c> may be repeated: a desk showing several work lists reads them in one request.</summary>
    private static async Task<Ok<Paged<TrancheSummary>>> Tranches(string[]? status, bool? late, PageRequest page, LedgerQueries ledger, CancellationToken ct)
    {
        new Validation().EachOneOf(nameof(status), status, Statuses).ThrowIfInvalid();
        return TypedResults.Ok(await ledger.Tranches(status is { Length: > 0 } ? status : null, late, page, ct));
    }
}

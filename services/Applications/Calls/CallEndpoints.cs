using System.Security.Claims;
using Npgsql;

namespace Grants.Applications.Calls;

public sealed record CallView(Guid Id, string Reference, string Title, CallStatus Status, CallRules Rules, int RulesVersion, DateTimeOffset? ClosedAt);

public sealed record CallSummary(Guid Id, string Reference, string Title, CallStatus Status, bool ByInvitationOnly, DateTimeOffset Deadline, string TimeZone, Money Envelope);

public sealed record CloseCallRequest(string? Reason);

public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/calls").WithTags("Calls");
        calls.MapPost("", Draft).RequireAuthorization(GrantsPolicies.Officer).WithIdempotencyKey();
        calls.MapGet("", List).RequireAuthorization(GrantsPolicies.Read);
        calls.MapGet("/{id:guid}", Get).RequireAuthorization(GrantsPolicies.Read);
        calls.MapPut("/{id:guid}", Edit).RequireAuthorization(GrantsPolicies.Officer);
        calls.MapPost("/{id:guid}/open", Open).RequireAuthorization(GrantsPolicies.Officer);
        calls.MapPost("/{id:guid}/close", Close).RequireAuthorization(GrantsPolicies.Officer);
        return app;
    }

    private static async Task<IResult> Draft(CallRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var rules = body.ToRules();
        var id = Guid.CreateVersion7();
        var command = new CallCommand.Draft(id, body.Reference!.Trim(), body.Title!.Trim(), rules, Actors.Of(user), time.GetUtcNow());
        var call = await Streams.Decide<Call>(store.OpenSession(Actors.Metadata(user, id)), id, "call", 0, s => CallDecider.Decide(command, s), ct);
        http.Response.SetETag(call.Version);
        return TypedResults.Created($"/calls/{id}", View(call.State));
    }

    private static async Task<CallView> Edit(Guid id, CallRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var expected = http.Request.ExpectedVersion();
        var rules = body.ToRules();
        var command = new CallCommand.Edit(body.Title!.Trim(), rules, Actors.Of(user), time.GetUtcNow());
        return await Change(id, expected, command, store, user, http, ct);
    }

    private static Task<CallView> Open(Guid id, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        Change(id, IfMatch(http), new CallCommand.Open(Actors.Of(user), time.GetUtcNow()), store, user, http, ct);

    private static Task<CallView> Close(Guid id, CloseCallRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Reason), body.Reason).MaxLength(nameof(body.Reason), body.Reason, 2000).ThrowIfInvalid();
        return Change(id, IfMatch(http), new CallCommand.CloseEarly(body.Reason!, Actors.Of(user), time.GetUtcNow()), store, user, http, ct);
    }

    private static async Task<CallView> Get(Guid id, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var call = await store.AggregateStream<Call>(id, ct: ct);
        if (!call.State.IsVisibleTo(user.ApplicantOrganisation()))
        {
            throw new StreamNotFoundException(id);
        }

        http.Response.SetETag(call.Version);
        return View(call.State);
    }

    private static async Task<Paged<CallSummary>> List(
        PageRequest page, CallStatus? status, NpgsqlDataSource db, EventStoreOptions options, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = user.ApplicantOrganisation();
        var where = applicant is null
            ? "($1::text is null or status = $1)"
            : "status = 'Open' and (not by_invitation or $2 = any(invited))";
        await using var command = db.CreateCommand($"""
            select id, reference, title, status, by_invitation, deadline, time_zone, envelope, currency, count(*) over ()
            from {options.Schema}.calls where {where}
            order by deadline, reference limit $3 offset $4
            """).With(status?.ToString(), applicant ?? Guid.Empty, page.PageSize, page.Offset);
        command.Parameters[0].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<CallSummary>();
        var total = 0L;
        while (await reader.ReadAsync(ct))
        {
            items.Add(new CallSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<CallStatus>(reader.GetString(3)), reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), new Money(reader.GetDecimal(7), reader.GetString(8))));
            total = reader.GetInt64(9);
        }

        return page.Of(items, total);
    }

    private static async Task<CallView> Change(
        Guid id, long? expected, CallCommand command, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var call = await Streams.Decide<Call>(store.OpenSession(Actors.Metadata(user, id)), id, "call", expected, s => CallDecider.Decide(command, s), ct);
        http.Response.SetETag(call.Version);
        return View(call.State);
    }

    /// <summary>Actions accept If-Match but do not require it: opening or closing twice changes nothing.</summary>
    private static long? IfMatch(HttpContext http) => http.Request.Headers.IfMatch.Count > 0 ? http.Request.ExpectedVersion() : null;

    private static CallView View(Call call) => new(call.Id, call.Reference, call.Title, call.Status, call.Rules!, call.RulesVersion, call.ClosedAt);
}

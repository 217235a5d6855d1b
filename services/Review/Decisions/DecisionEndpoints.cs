using System.Security.Claims;
using Grants.Contracts.Funding;
using Grants.Review.Api;
using Grants.Review.Calls;

namespace Grants.Review.Decisions;

public sealed record ProposalRequest(Guid? ApplicationId, string? Outcome, decimal? Amount, IReadOnlyList<string>? Reasons);

public sealed record ProposeRequest(IReadOnlyList<ProposalRequest>? Decisions);

public sealed record ConfirmRequest(IReadOnlyList<Guid>? ApplicationIds);

public sealed record ReleaseRequest(Guid? ApplicationId, string? Reason);

public sealed record ComplaintRequest(Guid? ApplicationId, string? Complaint);

public sealed record ResolutionRequest(string? Resolution);

public sealed record ComplaintView(Guid ComplaintId, Guid ApplicationId, string Complaint, DateTimeOffset At);

/// <summary>Ranking, proposals (officer), confirmations (approver), released awards, and complaints that hold decisions up.</summary>
public static class DecisionEndpoints
{
    private const int MaxText = 2000;

    public static WebApplication MapDecisions(this WebApplication app)
    {
        var calls = app.MapGroup("/calls/{callId:guid}").WithTags("Decisions");
        calls.MapGet("/ranking", GetRanking).RequireAuthorization(GrantsPolicies.Read);
        calls.MapPost("/proposals", Propose).RequireAuthorization(GrantsPolicies.Officer);
        calls.MapPost("/confirmations", Confirm).RequireAuthorization(GrantsPolicies.Approver);
        calls.MapPost("/releases", Release).RequireAuthorization(GrantsPolicies.Officer);
        calls.MapGet("/complaints", Complaints).RequireAuthorization(GrantsPolicies.Read);
        calls.MapPost("/complaints", Complain).RequireAuthorization(GrantsPolicies.Officer).WithIdempotencyKey();
        calls.MapPost("/complaints/{complaintId:guid}/resolution", Resolve).RequireAuthorization(GrantsPolicies.Approver);
        return app;
    }

    private static async Task<CallRanking> GetRanking(Guid callId, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        user.EnsureStaff(callId);
        var call = await store.AggregateStream<CallReview>(callId, ct: ct);
        context.Response.SetETag(call.Version);
        return Ranking.Of(call.State);
    }

    private static async Task<CallRanking> Propose(
        Guid callId, ProposeRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation().Must(body.Decisions is { Count: > 0 }, nameof(body.Decisions), "must list at least one decision.");
        var decisions = new List<ProposedDecision>();
        for (var i = 0; i < (body.Decisions?.Count ?? 0); i++)
        {
            var item = body.Decisions![i];
            var field = $"decisions[{i}]";
            validation.Required($"{field}.applicationId", item.ApplicationId)
                .Must(Enum.TryParse<FundingOutcome>(item.Outcome, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome) && !int.TryParse(item.Outcome, out _),
                    $"{field}.outcome", "must be Award, ReserveList or Reject.")
                .Range($"{field}.amount", item.Amount, 0.01m, 1_000_000_000m)
                .Must(item.Reasons is null || item.Reasons.All(r => r is { Length: <= MaxText }), $"{field}.reasons", $"must each be at most {MaxText} characters.");
            decisions.Add(new ProposedDecision(item.ApplicationId ?? Guid.Empty, outcome,
                item.Amount is { } amount ? Money.Eur(amount) : null, item.Reasons ?? []));
        }

        validation.ThrowIfInvalid();
        var call = await store.Run(callId, user.Metadata(callId), context.Request.IfMatch(),
            state => FundingDecider.Decide(new ProposeDecisions(decisions, user.Actor(), time.GetUtcNow()), state), ct);
        context.Response.SetETag(call.Version);
        return Ranking.Of(call.State);
    }

    private static async Task<CallRanking> Confirm(
        Guid callId, ConfirmRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation().Must(body.ApplicationIds is { Count: > 0 }, nameof(body.ApplicationIds), "must list at least one application.").ThrowIfInvalid();
        var call = await store.Run(callId, user.Metadata(callId), context.Request.IfMatch(),
            state => FundingDecider.Decide(new ConfirmDecisions(body.ApplicationIds!, user.Actor(), time.GetUtcNow()), state), ct);
        context.Response.SetETag(call.Version);
        return Ranking.Of(call.State);
    }

    private static async Task<CallRanking> Release(
        Guid callId, ReleaseRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.ApplicationId), body.ApplicationId)
            .Required(nameof(body.Reason), body.Reason)
            .MaxLength(nameof(body.Reason), body.Reason, MaxText)
            .ThrowIfInvalid();
        var call = await store.Run(callId, user.Metadata(body.ApplicationId!.Value), context.Request.IfMatch(),
            state => FundingDecider.Decide(new ReleaseAward(body.ApplicationId.Value, body.Reason!, user.Actor(), time.GetUtcNow()), state), ct);
        context.Response.SetETag(call.Version);
        return Ranking.Of(call.State);
    }

    private static async Task<IReadOnlyList<ComplaintView>> Complaints(Guid callId, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        user.EnsureStaff(callId);
        var call = await store.AggregateStream<CallReview>(callId, ct: ct);
        context.Response.SetETag(call.Version);
        return [.. call.State.OpenComplaints.Values.OrderBy(c => c.At).Select(c => new ComplaintView(c.ComplaintId, c.ApplicationId, c.Complaint, c.At))];
    }

    private static async Task<IResult> Complain(
        Guid callId, ComplaintRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.ApplicationId), body.ApplicationId)
            .Required(nameof(body.Complaint), body.Complaint)
            .MaxLength(nameof(body.Complaint), body.Complaint, MaxText)
            .ThrowIfInvalid();
        var complaintId = Guid.CreateVersion7();
        var call = await store.Run(callId, user.Metadata(body.ApplicationId!.Value), context.Request.IfMatch(),
            state => FundingDecider.Decide(new RecordComplaint(complaintId, body.ApplicationId.Value, body.Complaint!, user.Actor(), time.GetUtcNow()), state),
            ct);
        context.Response.SetETag(call.Version);
        var complaint = call.State.OpenComplaints[complaintId];
        return TypedResults.Created($"/calls/{callId}/complaints/{complaintId}",
            new ComplaintView(complaintId, complaint.ApplicationId, complaint.Complaint, complaint.At));
    }

    private static async Task<IResult> Resolve(
        Guid callId, Guid complaintId, ResolutionRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context,
        CancellationToken ct)
    {
        new Validation().Required(nameof(body.Resolution), body.Resolution).MaxLength(nameof(body.Resolution), body.Resolution, MaxText).ThrowIfInvalid();
        var call = await store.Run(callId, user.Metadata(callId), context.Request.IfMatch(),
            state => FundingDecider.Decide(new ResolveComplaint(complaintId, body.Resolution!, user.Actor(), time.GetUtcNow()), state), ct);
        context.Response.SetETag(call.Version);
        return TypedResults.NoContent();
    }
}

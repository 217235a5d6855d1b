using System.Security.Claims;
using Grants.Review.Api;
using Grants.Review.Cases;

namespace Grants.Review.Calls;

public sealed record EnlistReviewerRequest(string? Name, IReadOnlyList<string>? Themes, IReadOnlyList<string>? Languages);

public sealed record CallView(
    Guid CallId,
    string Reference,
    string Title,
    string Phase,
    int RulesVersion,
    IReadOnlyList<string> Themes,
    IReadOnlyList<Criterion> Criteria,
    decimal OverallThreshold,
    int ReviewersPerApplication,
    Money Envelope,
    decimal Awarded,
    IReadOnlyList<PoolReviewer> Pool,
    int InReview,
    int Reviewed,
    int Cancelled);

public static class CallEndpoints
{
    public static WebApplication MapCalls(this WebApplication app)
    {
        var calls = app.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("/{callId:guid}", Get).RequireAuthorization(GrantsPolicies.Read);
        calls.MapPut("/{callId:guid}/reviewers/{reviewerId}", Enlist).RequireAuthorization(GrantsPolicies.Officer);
        return app;
    }

    private static async Task<CallView> Get(Guid callId, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        user.EnsureStaff(callId);
        var call = await store.AggregateStream<CallReview>(callId, ct: ct);
        context.Response.SetETag(call.Version);
        return View(call.State);
    }

    private static async Task<CallView> Enlist(
        Guid callId, string reviewerId, EnlistReviewerRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context,
        CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.Name), body.Name)
            .MaxLength(nameof(body.Name), body.Name, 200)
            .MaxLength(nameof(reviewerId), reviewerId, 100)
            .Must(body.Themes is { Count: > 0 } && body.Themes.All(t => !string.IsNullOrWhiteSpace(t)), nameof(body.Themes), "must name at least one theme.")
            .Must(body.Languages is null || body.Languages.All(l => l is { Length: 2 } && l.All(char.IsAsciiLetterLower)),
                nameof(body.Languages), "must be ISO 639-1 codes such as fr, nl, en.")
            .ThrowIfInvalid();
        var reviewer = new PoolReviewer(reviewerId, body.Name!.Trim(), [.. body.Themes!.Select(t => t.Trim())], body.Languages ?? []);
        var call = await store.Run(callId, user.Metadata(callId), context.Request.IfMatch(),
            state => CallDecider.Decide(new EnlistReviewer(reviewer, user.UserId(), time.GetUtcNow()), state), ct);
        context.Response.SetETag(call.Version);
        return View(call.State);
    }

    private static CallView View(CallReview call)
    {
        var rules = call.Known;
        var progress = call.Cases.Values.GroupBy(c => c.Progress).ToDictionary(g => g.Key, g => g.Count());
        return new CallView(rules.CallId, rules.Reference, rules.Title, call.Phase.ToString(), rules.RulesVersion, rules.Themes, rules.Review.Criteria,
            rules.Review.OverallThreshold, rules.Review.ReviewersNeeded, rules.Envelope, call.Awarded,
            [.. call.Pool.Values.OrderBy(r => r.ReviewerId, StringComparer.Ordinal)],
            progress.GetValueOrDefault(CaseProgress.InReview), progress.GetValueOrDefault(CaseProgress.Reviewed),
            progress.GetValueOrDefault(CaseProgress.Cancelled));
    }
}

using System.Security.Claims;
using Grants.Applications.Calls;

namespace Grants.Applications.Applications;

public sealed record ReasonRequest(string? Reason);

public sealed record ClarificationRequest(string? Question);

public sealed record AnswerRequest(string? Answer);

public sealed record EligibilityRequest(bool? Eligible, string? Justification);

public static class SubmissionEndpoints
{
    private const int MaxText = 5000;

    public static RouteGroupBuilder MapSubmissions(this RouteGroupBuilder applications)
    {
        applications.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(GrantsPolicies.Applicant);
        applications.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(GrantsPolicies.Applicant);
        applications.MapPost("/{id:guid}/clarification", RequestClarification).RequireAuthorization(GrantsPolicies.Officer);
        applications.MapPost("/{id:guid}/clarification/answer", Answer).RequireAuthorization(GrantsPolicies.Applicant);
        applications.MapPost("/{id:guid}/eligibility", DecideEligibility).RequireAuthorization(GrantsPolicies.Officer);
        return applications;
    }

    /// <summary>The facts the rules need are read first; the deadline itself is the decider's to check, with the time of this request.</summary>
    private static async Task<ApplicationView> Submit(
        Guid id, EventStore store, ApplicationQueries queries, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var current = await ApplicationStreams.Load(store, user, id, ct);
        var call = (await store.AggregateStream<Call>(current.State.CallId, ct: ct)).State;
        var rules = call.Rules!;
        var facts = new SubmissionFacts(
            call,
            await queries.OtherApplicationsInYear(current.State.OrganisationId, id, rules.SubmissionDeadline, rules.TimeZone, ct),
            await queries.HasOpenGrant(current.State.OrganisationId, ct));
        return await ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(), _ => new ApplicationCommand.Submit(facts, Actors.Of(user), now), ct);
    }

    private static Task<ApplicationView> Withdraw(Guid id, ReasonRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Reason), body.Reason).MaxLength(nameof(body.Reason), body.Reason, MaxText).ThrowIfInvalid();
        return ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(), _ => new ApplicationCommand.Withdraw(body.Reason!, Actors.Of(user), time.GetUtcNow()), ct);
    }

    private static async Task<ApplicationView> RequestClarification(
        Guid id, ClarificationRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Question), body.Question).MaxLength(nameof(body.Question), body.Question, MaxText).ThrowIfInvalid();
        var current = await ApplicationStreams.Load(store, user, id, ct);
        var call = (await store.AggregateStream<Call>(current.State.CallId, ct: ct)).State;
        return await ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(),
            _ => new ApplicationCommand.RequestClarification(body.Question!, call.Rules!.ClarificationReplyDays, Actors.Of(user), time.GetUtcNow()), ct);
    }

    private static Task<ApplicationView> Answer(Guid id, AnswerRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Answer), body.Answer).MaxLength(nameof(body.Answer), body.Answer, MaxText).ThrowIfInvalid();
        return ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(), _ => new ApplicationCommand.AnswerClarification(body.Answer!, Actors.Of(user), time.GetUtcNow()), ct);
    }

    private static Task<ApplicationView> DecideEligibility(
        Guid id, EligibilityRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Eligible), body.Eligible)
            .Required(nameof(body.Justification), body.Justification).MaxLength(nameof(body.Justification), body.Justification, MaxText).ThrowIfInvalid();
        return ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(),
            _ => new ApplicationCommand.DecideEligibility(body.Eligible!.Value, body.Justification!, Actors.Of(user), time.GetUtcNow()), ct);
    }
}

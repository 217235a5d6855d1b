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

    /// <summary>
    /// Two round trips of reads: the application, then in one batch its call caught up from the last
    /// snapshot, the organisation's quota for the call year and whether it holds an open grant. The
    /// quota is appended to with the version read, so racing submissions cannot both pass the limit;
    /// the deadline is the decider's to check, with the time of this request.
    /// </summary>
    private static async Task<ApplicationView> Submit(
        Guid id, EventStore store, CallSnapshots calls, ApplicationQueries queries, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = store.OpenSession(Actors.Metadata(user, id));
        var current = await Scoped(session, user, id, ct);
        var known = await calls.Opened(current.State.CallId, ct);
        var quotaId = SubmissionQuota.For(current.State.OrganisationId, known.State.Rules!);
        var batch = store.CreateBatchQuery();
        var reading = (Call: batch.AggregateStream(known.StreamId, known), Quota: batch.AggregateStream<SubmissionQuota>(quotaId),
            OpenGrant: queries.HasOpenGrant(batch, current.State.OrganisationId));
        await batch.Execute(ct);
        var quota = await reading.Quota;
        var facts = new SubmissionFacts(calls.Keep(await reading.Call).State, quota.State.Applications.Count(a => a != id), await reading.OpenGrant);
        var events = ApplicationDecider.Decide(new ApplicationCommand.Submit(facts, Actors.Of(user), now), current.State);
        Streams.Append(session, id, ApplicationStreams.StreamType, http.OptionalIfMatch() ?? current.Version, events);
        Streams.Append(session, quotaId, SubmissionQuota.StreamType, quota.Version, [.. events.OfType<ApplicationSubmittedEvent>().Select(e => new SubmissionCounted(e.ApplicationId))]);
        return await Saved(session, current, events, http, ct);
    }

    /// <summary>A withdrawn submission no longer counts against the organisation's limit for the year.</summary>
    private static async Task<ApplicationView> Withdraw(
        Guid id, ReasonRequest body, EventStore store, CallSnapshots calls, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Reason), body.Reason).MaxLength(nameof(body.Reason), body.Reason, MaxText).ThrowIfInvalid();
        var session = store.OpenSession(Actors.Metadata(user, id));
        var current = await Scoped(session, user, id, ct);
        var events = ApplicationDecider.Decide(new ApplicationCommand.Withdraw(body.Reason!, Actors.Of(user), time.GetUtcNow()), current.State);
        Streams.Append(session, id, ApplicationStreams.StreamType, http.OptionalIfMatch() ?? current.Version, events);
        if (events.Count > 0 && current.State.SubmittedAt is not null)
        {
            var quotaId = SubmissionQuota.For(current.State.OrganisationId, (await calls.Opened(current.State.CallId, ct)).State.Rules!);
            var quota = await session.FetchForWriting<SubmissionQuota>(quotaId, ct);
            Streams.Append(session, quotaId, SubmissionQuota.StreamType, quota.Version, [new SubmissionReleased(id)]);
        }

        return await Saved(session, current, events, http, ct);
    }

    private static async Task<StreamState<Application>> Scoped(EventSession session, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var current = await session.FetchForWriting<Application>(id, ct);
        user.EnsureMaySee(current.State.OrganisationId, id);
        return current.State.Status == ApplicationStatus.None ? throw new StreamNotFoundException(id) : current;
    }

    private static async Task<ApplicationView> Saved(EventSession session, StreamState<Application> current, IReadOnlyList<object> events, HttpContext http, CancellationToken ct)
    {
        await session.SaveChanges(ct);
        var state = Streams.Fold(current, events);
        http.Response.SetETag(state.Version);
        return ApplicationView.Of(state.State);
    }

    private static async Task<ApplicationView> RequestClarification(
        Guid id, ClarificationRequest body, EventStore store, CallSnapshots calls, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Question), body.Question).MaxLength(nameof(body.Question), body.Question, MaxText).ThrowIfInvalid();
        var current = await ApplicationStreams.Load(store, user, id, ct);
        var call = (await calls.Opened(current.State.CallId, ct)).State;
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

using System.Security.Claims;
using Grants.Applications.Calls;
using Grants.Applications.Organisations;

namespace Grants.Applications.Applications;

public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string? UserId, string? Role, string Source, object Data);

public static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/applications").WithTags("Applications");
        applications.MapPost("", Create).RequireAuthorization(GrantsPolicies.Applicant).WithIdempotencyKey();
        applications.MapGet("", List).RequireAuthorization(GrantsPolicies.Records);
        applications.MapGet("/counts", Counts).RequireAuthorization(GrantsPolicies.Records);
        applications.MapGet("/{id:guid}", Get).RequireAuthorization(GrantsPolicies.Read);
        applications.MapGet("/{id:guid}/history", History).RequireAuthorization(GrantsPolicies.Read);
        applications.MapPut("/{id:guid}", Update).RequireAuthorization(GrantsPolicies.Applicant);
        applications.MapSubmissions();
        applications.MapAttachments();
        return app;
    }

    private static async Task<IResult> Create(ApplicationRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var organisation = user.ApplicantOrganisation() ?? throw new RequestRejectedException(
            StatusCodes.Status403Forbidden, "organisation.unbound", "Your token names no organisation (claim 'org') to apply for.");
        var call = await VisibleCall(store, body.CallId, organisation, ct);
        var content = body.ToContent(call);
        var id = Guid.CreateVersion7();
        var session = store.OpenSession(Actors.Metadata(user, id));
        var registered = (await session.FetchForWriting<Organisation>(organisation, ct)).State.IsRegistered;
        var command = new ApplicationCommand.Create(id, call, organisation, registered, content, Actors.Of(user), time.GetUtcNow());
        var state = await Streams.Decide<Application>(session, id, ApplicationStreams.StreamType, 0, s => ApplicationDecider.Decide(command, s), ct);
        http.Response.SetETag(state.Version);
        return TypedResults.Created($"/applications/{id}", ApplicationView.Of(state.State));
    }

    private static async Task<ApplicationView> Update(
        Guid id, ApplicationRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var expected = http.Request.ExpectedVersion();
        var current = await ApplicationStreams.Load(store, user, id, ct);
        var call = await store.AggregateStream<Call>(current.State.CallId, ct: ct);
        var content = body.ToContent(call.State);
        return await ApplicationStreams.Change(store, user, http, id, expected, _ => new ApplicationCommand.Update(content, Actors.Of(user), time.GetUtcNow()), ct);
    }

    /// <summary>As it is, or as it was at <paramref name="asOf"/> or at <paramref name="version"/>: an auditor's replay of any past state.</summary>
    private static async Task<ApplicationView> Get(
        Guid id, DateTimeOffset? asOf, long? version, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var application = await ApplicationStreams.Load(store, user, id, ct);
        if (asOf is not null || version is not null)
        {
            application = await store.AggregateStream<Application>(id, version, asOf, ct);
            if (application.Version == 0)
            {
                throw new DomainException("application.not_yet_drafted", "The application did not exist yet at that point.", DomainErrorKind.NotFound);
            }
        }

        http.Response.SetETag(application.Version);
        return ApplicationView.Of(application.State);
    }

    /// <summary>Every event of the application, with who recorded it, through which door and when.</summary>
    private static async Task<IReadOnlyList<HistoryEntry>> History(Guid id, EventStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await ApplicationStreams.Load(store, user, id, ct);
        var entries = new List<HistoryEntry>();
        await foreach (var e in store.ReadStream(id, ct: ct))
        {
            entries.Add(new HistoryEntry(e.Version, e.Type, e.Timestamp, e.Metadata.UserId, e.Metadata.Role, e.Metadata.Source, e.Data));
        }

        return entries;
    }

    private static Task<Paged<ApplicationSummary>> List(
        PageRequest page, Guid? callId, ApplicationStatus? status, string? theme, string? country, Guid? organisationId,
        ApplicationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        queries.List(Scoped(user, new ApplicationFilter(callId, status, theme, country, organisationId)), page, ct);

    private static Task<ApplicationCounts> Counts(
        Guid? callId, ApplicationStatus? status, string? theme, string? country, ApplicationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        queries.Count(Scoped(user, new ApplicationFilter(callId, status, theme, country, null)), ct);

    /// <summary>An applicant's filter always names its own organisation, whatever it asked for.</summary>
    private static ApplicationFilter Scoped(ClaimsPrincipal user, ApplicationFilter filter) =>
        user.IsInRole(GrantsRoles.Applicant) ? filter with { OrganisationId = user.ApplicantOrganisation() ?? Guid.Empty } : filter;

    private static async Task<Call> VisibleCall(EventStore store, Guid? callId, Guid organisation, CancellationToken ct)
    {
        new Validation().Required("CallId", callId).ThrowIfInvalid();
        var call = (await store.OpenSession(new EventMetadata()).FetchForWriting<Call>(callId!.Value, ct)).State;
        if (call.Status == CallStatus.None || !call.IsVisibleTo(organisation))
        {
            new Validation().Must(false, "CallId", "names no call open to this organisation.").ThrowIfInvalid();
        }

        return call;
    }
}

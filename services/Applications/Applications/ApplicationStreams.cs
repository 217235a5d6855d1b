using System.Security.Claims;

namespace Grants.Applications.Applications;

/// <summary>
/// Loads and changes application streams as the caller: another organisation's application, or one
/// a reviewer was not cleared for, answers 404, as a missing one does.
/// </summary>
public static class ApplicationStreams
{
    public const string StreamType = "application";

    public static async Task<StreamState<Application>> Load(EventStore store, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var application = await store.AggregateStream<Application>(id, ct: ct);
        user.EnsureMaySee(application.State.OrganisationId, id);
        await ReviewerAccess.EnsureMayRead(store, user, id, ct);
        return application;
    }

    public static async Task<ApplicationView> Change(
        EventStore store, ClaimsPrincipal user, HttpContext http, Guid id, long? expected, Func<Application, ApplicationCommand> command, CancellationToken ct)
    {
        var state = await Streams.Decide<Application>(store.OpenSession(Actors.Metadata(user, id)), id, StreamType, expected, s =>
        {
            user.EnsureMaySee(s.OrganisationId, id);
            if (s.Status == ApplicationStatus.None)
            {
                throw new StreamNotFoundException(id);
            }

            return ApplicationDecider.Decide(command(s), s);
        }, ct);
        http.Response.SetETag(state.Version);
        return ApplicationView.Of(state.State);
    }

    /// <summary>Actions accept If-Match but do not require it; content updates do.</summary>
    public static long? OptionalIfMatch(this HttpContext http) => http.Request.Headers.IfMatch.Count > 0 ? http.Request.ExpectedVersion() : null;
}

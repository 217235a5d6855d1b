using System.Collections.Immutable;
using System.Security.Claims;

namespace Grants.Applications.Applications;

public sealed record ReviewerClearedEvent(Guid ApplicationId, string ReviewerId, DateTimeOffset At);

public sealed record ReviewerReleasedEvent(Guid ApplicationId, string ReviewerId, DateTimeOffset At);

/// <summary>
/// The reviewers Review cleared to read one application: assigned to it and without a conflict of
/// interest with the applicant. A reviewer reads nothing else here; other roles are not concerned.
/// </summary>
public sealed record ReviewerAccess(ImmutableHashSet<string> Reviewers) : IEventSourced<ReviewerAccess>
{
    public const string StreamType = "reviewer-access";

    public static ReviewerAccess Initial { get; } = new(ImmutableHashSet<string>.Empty);

    public static Guid StreamId(Guid applicationId) => DeterministicIds.For(StreamType, applicationId.ToString());

    public static ReviewerAccess Evolve(ReviewerAccess state, object @event) => @event switch
    {
        ReviewerClearedEvent e => new(state.Reviewers.Add(e.ReviewerId)),
        ReviewerReleasedEvent e => new(state.Reviewers.Remove(e.ReviewerId)),
        _ => state,
    };

    /// <summary>Only what changes the set is recorded, so a repeated clearance or release adds nothing.</summary>
    public static IReadOnlyList<object> Clear(ReviewerAccess state, Guid applicationId, string reviewerId, DateTimeOffset at) =>
        state.Reviewers.Contains(reviewerId) ? [] : [new ReviewerClearedEvent(applicationId, reviewerId, at)];

    public static IReadOnlyList<object> Release(ReviewerAccess state, Guid applicationId, string reviewerId, DateTimeOffset at) =>
        state.Reviewers.Contains(reviewerId) ? [new ReviewerReleasedEvent(applicationId, reviewerId, at)] : [];

    /// <summary>A caller whose only role is reviewer: what they may read here depends on Review's clearance.</summary>
    public static bool OnlyReviewer(ClaimsPrincipal user) =>
        user.IsInRole(GrantsRoles.Reviewer) && !GrantsRoles.All.Any(role => role != GrantsRoles.Reviewer && user.IsInRole(role));

    /// <summary>A reviewer not cleared for the application gets the same 404 as a missing one.</summary>
    public static async Task EnsureMayRead(EventStore store, ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (OnlyReviewer(user) && !(await store.AggregateStream<ReviewerAccess>(StreamId(applicationId), ct: ct)).State.Reviewers.Contains(user.UserId()))
        {
            throw new StreamNotFoundException(applicationId);
        }
    }
}

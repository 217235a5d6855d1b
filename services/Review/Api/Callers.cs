using System.Security.Claims;

namespace Grants.Review.Api;

/// <summary>Who is calling, as the events record it.</summary>
public static class Callers
{
    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.UserId(), GrantsRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown");

    public static EventMetadata Metadata(this ClaimsPrincipal user, Guid correlationId)
    {
        var actor = user.Actor();
        return new EventMetadata(correlationId, UserId: actor.UserId, Role: actor.Role, Organisation: user.ApplicantOrganisation()?.ToString());
    }

    /// <summary>Unit staff and auditors; to applicants and reviewers what is asked for does not exist.</summary>
    public static void EnsureStaff(this ClaimsPrincipal user, Guid streamId)
    {
        if (user.IsInRole(GrantsRoles.Applicant) || user.IsInRole(GrantsRoles.Reviewer))
        {
            throw new StreamNotFoundException(streamId);
        }
    }

    /// <summary>The version from If-Match when the client sent one; without it the change is made on the version just read.</summary>
    public static long? IfMatch(this HttpRequest request) => request.Headers.IfMatch.Count > 0 ? request.ExpectedVersion() : null;
}

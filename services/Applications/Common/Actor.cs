using System.Security.Claims;

namespace Grants.Applications.Common;

public static class Actors
{
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.UserId(), GrantsRoles.All.FirstOrDefault(user.IsInRole) ?? "unknown");

    /// <summary>Who acted, recorded on every event of the session (DESIGN 6).</summary>
    public static EventMetadata Metadata(ClaimsPrincipal user, Guid correlationId) =>
        new(correlationId, null, user.UserId(), GrantsRoles.All.FirstOrDefault(user.IsInRole), user.ApplicantOrganisation()?.ToString(), "api");
}

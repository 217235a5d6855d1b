using System.Security.Claims;
using Grants.EventSourcing;

namespace Grants.Hosting.Security;

/// <summary>
/// Who the caller is and which organisations' data they may see. Unit staff and auditors see every
/// organisation; an applicant only its own. Another organisation's data answers exactly as if it
/// did not exist (404), so its ids reveal nothing.
/// </summary>
public static class OrganisationScope
{
    /// <summary>The token's subject, the id every recorded action is attributed to.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(GrantsClaims.User) ?? throw new InvalidOperationException("The caller is not authenticated.");

    /// <summary>The organisation an applicant acts for; null for everyone else.</summary>
    public static Guid? ApplicantOrganisation(this ClaimsPrincipal user) =>
        user.IsInRole(GrantsRoles.Applicant) && Guid.TryParse(user.FindFirstValue(GrantsClaims.Organisation), out var organisation)
            ? organisation
            : null;

    /// <summary>Whether the caller may see data belonging to <paramref name="organisationId"/>.</summary>
    public static bool MaySee(this ClaimsPrincipal user, Guid organisationId) =>
        !user.IsInRole(GrantsRoles.Applicant) || user.ApplicantOrganisation() == organisationId;

    /// <summary>
    /// Throws what the store throws for a stream that does not exist when the caller may not see
    /// <paramref name="organisationId"/>, so the answer is the same 404 a missing stream gets.
    /// </summary>
    public static void EnsureMaySee(this ClaimsPrincipal user, Guid organisationId, Guid streamId)
    {
        if (!user.MaySee(organisationId))
        {
            throw new StreamNotFoundException(streamId);
        }
    }
}

using System.Security.Claims;
using Grants.EventSourcing;
using Grants.Hosting.Security;

namespace Grants.Payments.Sanctions;

/// <summary>How screening actions are recorded; screening results are staff reads (never applicants': a hit names a listed person).</summary>
public static class SanctionsAccess
{
    public static EventMetadata Metadata(ClaimsPrincipal user) =>
        new(UserId: user.UserId(), Role: GrantsRoles.Finance, Source: "api");
}

using System.Security.Claims;
using Grants.EventSourcing;
using Grants.Hosting.Security;

namespace Grants.Payments.Sanctions;

/// <summary>Who may see screening results (never applicants: a hit names a listed person) and how their actions are recorded.</summary>
public static class SanctionsAccess
{
    public const string ReadPolicy = "sanctions-read";

    public static void AddPolicy(Microsoft.AspNetCore.Authorization.AuthorizationOptions options) =>
        options.AddPolicy(ReadPolicy, policy => policy.RequireRole(GrantsRoles.Finance, GrantsRoles.Approver, GrantsRoles.Officer, GrantsRoles.Auditor));

    public static EventMetadata Metadata(ClaimsPrincipal user) =>
        new(UserId: user.UserId(), Role: GrantsRoles.Finance, Source: "api");
}

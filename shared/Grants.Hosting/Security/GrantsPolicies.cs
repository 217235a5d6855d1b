using Microsoft.AspNetCore.Authorization;

namespace Grants.Hosting.Security;

/// <summary>
/// Authorisation policies for endpoints. Reads use <see cref="Read"/>, open to every role (so the
/// auditor reads everything); each write names the one role that may make it, so the auditor
/// changes nothing.
/// </summary>
public static class GrantsPolicies
{
    public const string Read = "read";

    /// <summary>
    /// Reads of organisations, lists and records other than what a reviewer is assigned: every role
    /// but the reviewer, who scores only the applications assigned to them (DESIGN 2).
    /// </summary>
    public const string Records = "records";

    /// <summary>The Unit's staff and the auditor: reads that are neither an applicant's nor a reviewer's business (ledgers, batches, sanctions screening).</summary>
    public const string Staff = "staff";
    public const string Applicant = GrantsRoles.Applicant;
    public const string Officer = GrantsRoles.Officer;
    public const string Reviewer = GrantsRoles.Reviewer;
    public const string Approver = GrantsRoles.Approver;
    public const string Finance = GrantsRoles.Finance;
    public const string Auditor = GrantsRoles.Auditor;

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireRole(GrantsRoles.All));
        options.AddPolicy(Records, policy => policy.RequireRole(GrantsRoles.All.Where(role => role != GrantsRoles.Reviewer)));
        options.AddPolicy(Staff, policy => policy.RequireRole(GrantsRoles.Officer, GrantsRoles.Approver, GrantsRoles.Finance, GrantsRoles.Auditor));
        foreach (var role in GrantsRoles.All)
        {
            options.AddPolicy(role, policy => policy.RequireRole(role));
        }

        // An endpoint that names no policy still needs a valid token.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

namespace Grants.Hosting.Security;

/// <summary>The roles of DESIGN 2, as they appear in a token's <c>role</c> claim.</summary>
public static class GrantsRoles
{
    public const string Applicant = "applicant";
    public const string Officer = "officer";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Finance = "finance";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Applicant, Officer, Reviewer, Approver, Finance, Auditor];
}

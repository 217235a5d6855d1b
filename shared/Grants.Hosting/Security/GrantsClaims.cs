namespace Grants.Hosting.Security;

/// <summary>The claim names a Grants token carries, unmapped (no WS-Federation URIs).</summary>
public static class GrantsClaims
{
    public const string User = "sub";
    public const string Role = "role";

    /// <summary>The organisation an applicant acts for; required on applicant tokens.</summary>
    public const string Organisation = "org";
}

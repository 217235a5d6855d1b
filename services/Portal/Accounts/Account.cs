namespace Grants.Portal.Accounts;

/// <summary>A person who signs in to the portal: the roles they act in and, for an applicant, the one organisation they act for.</summary>
public sealed record Account(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? OrganisationId,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil);

namespace Grants.Hosting.Security;

/// <summary>What a locally signed token says: who, in which roles, for which organisation, for whom and when.</summary>
public sealed record TokenClaims(
    string User,
    IReadOnlyList<string> Roles,
    Guid? Organisation,
    string Issuer,
    string Audience,
    DateTimeOffset NotBefore,
    DateTimeOffset Expires);

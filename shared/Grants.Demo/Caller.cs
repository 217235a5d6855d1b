namespace Grants.Demo;

/// <summary>Signs a bearer token for a person in a role (applicants for their organisation).</summary>
public delegate string TokenIssuer(string role, string user, Guid? organisation);

/// <summary>Who makes a request: the token says it to the services.</summary>
public sealed record Caller(string Role, string User, Guid? Organisation = null)
{
    public static Caller Officer { get; } = new("officer", "olivia.officer");

    /// <summary>A second officer: proposals and report assessments need no second person, but the committee's approver does.</summary>
    public static Caller Approver { get; } = new("approver", "arnaud.approver");

    public static Caller Finance { get; } = new("finance", "fatima.finance");

    public static Caller Auditor { get; } = new("auditor", "aude.auditor");
}

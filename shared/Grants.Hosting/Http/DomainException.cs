namespace Grants.Hosting.Http;

/// <summary>How a broken rule reads at the edge: the domain says what kind of "no" it is, the edge picks the status.</summary>
public enum DomainErrorKind
{
    /// <summary>The command is understood but the rules forbid it now (422).</summary>
    Rejected,

    /// <summary>What the command is about does not exist, or is not the caller's to see (404).</summary>
    NotFound,

    /// <summary>The command clashes with the current state, e.g. a duplicate (409).</summary>
    Conflict,
}

/// <summary>
/// What a decider throws for an impossible command: a stable machine <see cref="Code"/>
/// (<c>application.deadline_passed</c>) and a message for people. Nothing has been changed.
/// </summary>
public class DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Rejected)
    : Exception(message)
{
    public string Code { get; } = code;

    public DomainErrorKind Kind { get; } = kind;
}

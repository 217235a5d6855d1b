namespace Grants.Applications.Common;

/// <summary>One broken rule: a stable code, the field it concerns (as the JSON names it) and a message for people.</summary>
public sealed record Violation(string Code, string Field, string Message);

/// <summary>
/// A command broke several rules at once; all of them are reported together (422) so the NGO can
/// fix everything in one go. Nothing has been changed.
/// </summary>
public sealed class RulesViolatedException(string code, string message, IReadOnlyList<Violation> violations) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<Violation> Violations { get; } = violations;
}

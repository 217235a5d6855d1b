namespace Grants.Payments.Sanctions.Lists;

/// <summary>
/// One designated person or entity of a list with every name it is known by (primary, aliases,
/// original script). <see cref="Fingerprint"/> changes when the entry does, which ends a
/// false-positive decision taken on it.
/// </summary>
public sealed record ListEntry(string Source, string EntryId, string Kind, string Reference, IReadOnlyList<string> Names, string Fingerprint);

public static class EntryKinds
{
    public const string Individual = "individual";
    public const string Entity = "entity";
}

namespace Grants.Payments.Sanctions.Screening;

/// <summary>The names of an organisation to screen changed: its legal name or its bank account holder.</summary>
public sealed record ScreeningSubjectRecorded(Guid OrganisationId, string LegalName, string? AccountHolder, DateTimeOffset RecordedAt)
{
    /// <summary>When the names were so at the source.</summary>
    public DateTimeOffset? AsOf { get; init; }
}

/// <summary>The partners an application names, screened with the organisation that applied.</summary>
public sealed record PartnersRecorded(Guid OrganisationId, Guid ApplicationId, IReadOnlyList<string> Partners, DateTimeOffset RecordedAt);

/// <summary>
/// The organisation's names were screened against these list versions; the hits found, each with
/// its status at that moment (a false positive decided earlier on the same name and unchanged entry
/// stays decided), and whether payments may go ahead.
/// </summary>
public sealed record OrganisationScreened(
    Guid OrganisationId,
    string Trigger,
    IReadOnlyList<string> ListVersions,
    IReadOnlyList<ScreenedName> Names,
    IReadOnlyList<ScreeningHit> Hits,
    bool Cleared,
    DateTimeOffset ScreenedAt);

/// <summary>A finance officer found the hit to be someone else; remembered for this name and this version of the entry.</summary>
public sealed record SanctionsHitDismissed(
    Guid OrganisationId, Guid HitId, string ScreenedName, string Source, string EntryId, string EntryFingerprint,
    string Justification, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>Escalation: a finance officer confirmed the hit; the organisation's grants are to be frozen.</summary>
public sealed record SanctionsHitConfirmed(
    Guid OrganisationId, Guid HitId, string ScreenedName, string Source, string EntryId, string Reference,
    string Justification, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record ScreenedName(string Name, string Role);

public sealed record ScreeningHit(
    Guid HitId,
    string ScreenedName,
    string Role,
    string Source,
    string EntryId,
    string Reference,
    string EntryFingerprint,
    string ListedName,
    double Score,
    string Status);

public static class HitStatus
{
    public const string Undecided = "undecided";
    public const string FalsePositive = "false_positive";
    public const string Confirmed = "confirmed";
}

public static class NameRoles
{
    public const string Organisation = "organisation";
    public const string AccountHolder = "account_holder";
    public const string Partner = "partner";
}

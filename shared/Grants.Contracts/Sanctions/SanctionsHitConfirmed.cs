namespace Grants.Contracts.Sanctions;

/// <summary>
/// Escalation: a finance officer confirmed that a name of the organisation (its own, its account
/// holder's or a partner's) is the listed person or entity. Its correlation id is the organisation id.
/// </summary>
public sealed record SanctionsHitConfirmed : IntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required Guid HitId { get; init; }

    public required string ScreenedName { get; init; }

    /// <summary>The list: UN or EU.</summary>
    public required string Source { get; init; }

    /// <summary>The list's reference of the entry, such as QDi.901.</summary>
    public required string Reference { get; init; }

    public required string Justification { get; init; }

    public required Actor DecidedBy { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }
}

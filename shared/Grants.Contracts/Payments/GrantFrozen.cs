namespace Grants.Contracts.Payments;

/// <summary>A confirmed sanctions hit on the grantee froze the grant: no tranche of it is paid until further notice.</summary>
public sealed record GrantFrozen : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required Guid OrganisationId { get; init; }

    /// <summary>The confirmed hit that froze it (see <see cref="Sanctions.SanctionsHitConfirmed"/>).</summary>
    public required Guid HitId { get; init; }

    /// <summary>Starts with <c>sanctions_confirmed:</c>.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FrozenAt { get; init; }
}

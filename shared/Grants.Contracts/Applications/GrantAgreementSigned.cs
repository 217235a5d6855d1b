namespace Grants.Contracts.Applications;

public sealed record GrantAgreementSigned : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid OrganisationId { get; init; }

    /// <summary>When the agreement was countersigned: the 45-day pre-financing clock starts here.</summary>
    public required DateTimeOffset CountersignedAt { get; init; }

    public required Actor SignedBy { get; init; }
}

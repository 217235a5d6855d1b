namespace Grants.Contracts.Applications;

public sealed record ApplicationWithdrawn : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required string Reason { get; init; }

    public required Actor WithdrawnBy { get; init; }
}

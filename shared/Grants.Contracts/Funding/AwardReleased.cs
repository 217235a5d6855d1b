namespace Grants.Contracts.Funding;

/// <summary>An award that will not be taken up (declined by the NGO, or the application withdrawn): its money returns to the call's envelope.</summary>
public sealed record AwardReleased : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required Money Amount { get; init; }

    public required string Reason { get; init; }

    public required Actor ReleasedBy { get; init; }
}

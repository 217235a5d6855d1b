namespace Grants.Contracts.Ledger;

public sealed record GrantOpened : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required Money Amount { get; init; }

    public required IReadOnlyList<PlannedTranche> Tranches { get; init; }
}

namespace Grants.Contracts.Ledger;

public sealed record GrantClosed : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required Money TotalPaid { get; init; }

    public required Money Recovered { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }
}

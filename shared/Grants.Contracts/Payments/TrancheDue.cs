namespace Grants.Contracts.Payments;

public sealed record TrancheDue : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required int TrancheNumber { get; init; }

    public required Money Amount { get; init; }

    public required DateOnly PayBy { get; init; }
}

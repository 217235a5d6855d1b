namespace Grants.Contracts.Payments;

public sealed record RecoveryOrdered : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required Money Amount { get; init; }

    public required string Reason { get; init; }
}

namespace Grants.Contracts.Payments;

public sealed record PaymentBlocked : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required int TrancheNumber { get; init; }

    /// <summary>A stable code: sanctions_hit, report_overdue, bank_details_unverified, grant_frozen.</summary>
    public required string ReasonCode { get; init; }

    public required string Reason { get; init; }

    /// <summary>The sanctions list versions the screening used, when a screening blocked it.</summary>
    public IReadOnlyList<string> ListVersions { get; init; } = [];
}

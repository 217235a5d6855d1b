namespace Grants.Contracts.Funding;

public sealed record FundingDecided : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required FundingOutcome Outcome { get; init; }

    /// <summary>The awarded amount; null unless <see cref="Outcome"/> is Award.</summary>
    public Money? Amount { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public required Actor ProposedBy { get; init; }

    public required Actor ApprovedBy { get; init; }

    public required int RulesVersion { get; init; }
}

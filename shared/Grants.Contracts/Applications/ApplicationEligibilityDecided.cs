namespace Grants.Contracts.Applications;

public sealed record ApplicationEligibilityDecided : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required bool Eligible { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>True when an officer's decision overrode the automatic check; both stay in history.</summary>
    public bool Overridden { get; init; }

    public required string Theme { get; init; }

    public required Money RequestedAmount { get; init; }

    public required string ContentHash { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public Actor? DecidedBy { get; init; }
}

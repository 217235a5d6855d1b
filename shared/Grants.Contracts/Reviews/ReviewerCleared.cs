namespace Grants.Contracts.Reviews;

/// <summary>
/// A reviewer assigned to the application declared no conflict of interest with the applicant: from
/// now on they may read its content, and only they among reviewers.
/// </summary>
public sealed record ReviewerCleared : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required string ReviewerId { get; init; }
}

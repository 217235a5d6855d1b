namespace Grants.Contracts.Reviews;

/// <summary>A reviewer was taken off the application (conflict, reassignment, overdue): they may no longer read it.</summary>
public sealed record ReviewerReleased : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required string ReviewerId { get; init; }
}

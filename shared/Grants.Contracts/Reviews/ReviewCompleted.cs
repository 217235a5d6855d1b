namespace Grants.Contracts.Reviews;

public sealed record ReviewCompleted : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required IReadOnlyList<CriterionScore> ConsensusScores { get; init; }

    public required decimal WeightedScore { get; init; }

    public required bool AllThresholdsPassed { get; init; }

    /// <summary>Reviewer comments meant for the NGO, without reviewer identities.</summary>
    public IReadOnlyList<string> CommentsForApplicant { get; init; } = [];

    public required string ContentHash { get; init; }
}

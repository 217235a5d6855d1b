namespace Grants.Contracts.Reviews;

public sealed record CriterionScore(string Criterion, decimal Score, bool PassedThreshold);

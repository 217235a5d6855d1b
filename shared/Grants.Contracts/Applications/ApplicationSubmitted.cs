namespace Grants.Contracts.Applications;

public sealed record ApplicationSubmitted : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }

    public required Guid CallId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required string Title { get; init; }

    public required string Theme { get; init; }

    public required IReadOnlyList<string> Countries { get; init; }

    public required Money RequestedAmount { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required IReadOnlyList<Partner> Partners { get; init; }

    /// <summary>SHA-256 of the frozen content; reviews are pinned to it.</summary>
    public required string ContentHash { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
}

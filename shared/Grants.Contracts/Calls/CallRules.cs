namespace Grants.Contracts.Calls;

/// <summary>Every rule of a call as data (DESIGN 3), recorded when it opens so decisions can be replayed.</summary>
public sealed record CallRules
{
    public required int RulesVersion { get; init; }

    public required bool ByInvitationOnly { get; init; }

    public IReadOnlyList<Guid> InvitedOrganisationIds { get; init; } = [];

    public required IReadOnlyList<string> Themes { get; init; }

    public required IReadOnlyList<string> Countries { get; init; }

    public required Money Envelope { get; init; }

    public required Money MinimumGrant { get; init; }

    public required Money MaximumGrant { get; init; }

    public required int MaxDurationMonths { get; init; }

    public required int MaxApplicationsPerOrganisation { get; init; }

    public required decimal IndirectCostCapPercent { get; init; }

    public required IReadOnlyList<ReviewCriterion> Criteria { get; init; }

    public required decimal OverallThreshold { get; init; }

    public required int ReviewersPerApplication { get; init; }

    /// <summary>Days a reviewer has to return a score sheet once assigned.</summary>
    public int ReviewPeriodDays { get; init; } = 21;

    public required DateTimeOffset SubmissionDeadline { get; init; }

    /// <summary>IANA time zone the deadlines are expressed in, e.g. Europe/Brussels.</summary>
    public required string TimeZone { get; init; }
}

public sealed record ReviewCriterion(string Name, decimal Weight, int Threshold);

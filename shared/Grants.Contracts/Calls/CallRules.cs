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

    public required DateTimeOffset SubmissionDeadline { get; init; }

    /// <summary>IANA time zone the deadlines are expressed in, e.g. Europe/Brussels.</summary>
    public required string TimeZone { get; init; }

    /// <summary>How awarded grants are paid; a call opened before this existed gets the defaults of DESIGN 3.</summary>
    public PaymentRules Payments { get; init; } = new();
}

public sealed record ReviewCriterion(string Name, decimal Weight, int Threshold);

namespace Grants.Contracts.Reports;

public sealed record ReportSubmitted : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required ReportKind Kind { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    /// <summary>Spending the NGO declares for the period, from its financial report.</summary>
    public required Money DeclaredSpending { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The financial statement line by line against the approved budget; empty when the report has none.</summary>
    public IReadOnlyList<BudgetLineSpending> Lines { get; init; } = [];
}

namespace Grants.Contracts.Reports;

public sealed record ReportAssessed : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required ReportKind Kind { get; init; }

    public required ReportOutcome Outcome { get; init; }

    /// <summary>Spending accepted as eligible; set when the report is approved.</summary>
    public Money? EligibleSpending { get; init; }

    public IReadOnlyList<string> Remarks { get; init; } = [];

    public required Actor AssessedBy { get; init; }
}

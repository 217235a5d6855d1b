namespace Grants.Contracts.Reports;

public sealed record ReportOverdue : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required ReportKind Kind { get; init; }

    public required DateOnly DueDate { get; init; }
}

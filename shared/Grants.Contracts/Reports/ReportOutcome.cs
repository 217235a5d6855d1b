namespace Grants.Contracts.Reports;

public enum ReportOutcome
{
    Approved,
    ChangesRequested,
}

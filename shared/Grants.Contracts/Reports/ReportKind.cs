namespace Grants.Contracts.Reports;

public enum ReportKind
{
    Interim,
    Final,
}

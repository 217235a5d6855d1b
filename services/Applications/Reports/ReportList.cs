using Npgsql;

namespace Grants.Applications.Reports;

/// <summary>
/// One row per scheduled report with its status, kept inline: the officer's queue of reports to
/// assess and the list of overdue ones, per call, without reading every report stream.
/// </summary>
public sealed class ReportList() : TableProjection("reports", "reports")
{
    public static MigrationSet Migrations { get; } = new("reports_migrations", s =>
    [
        new(1, "reports list", $"""
            create table {s}.reports (
                id uuid primary key,
                application_id uuid not null,
                call_id uuid not null,
                organisation_id uuid not null,
                number int not null,
                kind text not null,
                status text not null,
                period_end date not null,
                due_date date not null,
                audit_required boolean not null,
                submitted_at timestamptz,
                updated_at timestamptz not null
            );
            create index reports_status on {s}.reports (status, call_id);
            """),
    ]);

    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s)
    {
        switch (e.Data)
        {
            // The call comes from the application's row: the schedule does not repeat it.
            case ReportScheduled d:
                yield return new NpgsqlBatchCommand($"""
                    insert into {s}.reports (id, application_id, call_id, organisation_id, number, kind, status, period_end, due_date, audit_required, updated_at)
                    select $1, $2, a.call_id, $3, $4, $5, $6, $7, $8, $9, $10 from {s}.applications a where a.id = $2
                    on conflict (id) do nothing
                    """).With(d.ReportId, d.ApplicationId, d.OrganisationId, d.Number, d.Kind.ToString(), nameof(ReportStatus.Due), d.PeriodEnd, d.DueDate,
                        d.AuditRequired, e.Timestamp);
                break;
            case ReportOverdueMarked:
                yield return Status(s, e, ReportStatus.Overdue);
                break;
            case ReportSubmittedEvent d:
                yield return new NpgsqlBatchCommand($"update {s}.reports set status = $2, submitted_at = $3, updated_at = $4 where id = $1")
                    .With(e.StreamId, nameof(ReportStatus.Submitted), d.At, e.Timestamp);
                break;
            case ReportAssessmentReceived d:
                yield return Status(s, e, Report.Evolve(Report.Initial, d).Status);
                break;
        }
    }

    private static NpgsqlBatchCommand Status(string s, StoredEvent e, ReportStatus status) =>
        new NpgsqlBatchCommand($"update {s}.reports set status = $2, updated_at = $3 where id = $1").With(e.StreamId, status.ToString(), e.Timestamp);
}

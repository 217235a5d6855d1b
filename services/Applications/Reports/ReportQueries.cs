using Npgsql;
using NpgsqlTypes;

namespace Grants.Applications.Reports;

public sealed record ReportSummary(
    Guid Id, Guid ApplicationId, Guid CallId, Guid OrganisationId, string Organisation, string Title, int Number, string Kind, ReportStatus Status,
    DateOnly PeriodEnd, DateOnly DueDate, bool AuditRequired, DateTimeOffset? SubmittedAt);

public sealed record ReportFilter(Guid? CallId, ReportStatus? Status, Guid? OrganisationId);

/// <summary>Reads of the reports table with the application's title and the organisation's name; oldest due first.</summary>
public sealed class ReportQueries(NpgsqlDataSource db, EventStoreOptions options)
{
    public async Task<Paged<ReportSummary>> List(ReportFilter filter, PageRequest page, CancellationToken ct)
    {
        var s = options.Schema;
        await using var command = db.CreateCommand($"""
            select r.id, r.application_id, r.call_id, r.organisation_id, coalesce(o.legal_name, ''), a.title, r.number, r.kind, r.status,
                r.period_end, r.due_date, r.audit_required, r.submitted_at, count(*) over ()
            from {s}.reports r
            join {s}.applications a on a.id = r.application_id
            left join {s}.organisations o on o.id = r.organisation_id
            where ($1::uuid is null or r.call_id = $1) and ($2::text is null or r.status = $2) and ($3::uuid is null or r.organisation_id = $3)
            order by r.due_date, r.submitted_at, r.id limit $4 offset $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.CallId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Status?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.OrganisationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = page.PageSize });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Offset });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<ReportSummary>();
        var total = 0L;
        while (await reader.ReadAsync(ct))
        {
            items.Add(new ReportSummary(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                reader.GetString(7), Enum.Parse<ReportStatus>(reader.GetString(8)), reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateOnly>(10),
                reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12)));
            total = reader.GetInt64(13);
        }

        return page.Of(items, total);
    }
}

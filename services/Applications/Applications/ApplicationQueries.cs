using Npgsql;

namespace Grants.Applications.Applications;

public sealed record ApplicationSummary(
    Guid Id, Guid CallId, Guid OrganisationId, string Title, string? Theme, IReadOnlyList<string> Countries, ApplicationStatus Status,
    Money RequestedAmount, DateTimeOffset? SubmittedAt, Money? AwardedAmount);

public sealed record ApplicationCounts(long Total, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByTheme, IReadOnlyDictionary<string, long> ByCountry);

public sealed record ApplicationFilter(Guid? CallId, ApplicationStatus? Status, string? Theme, string? Country, Guid? OrganisationId);

/// <summary>Reads of the applications table; an applicant's reads are always narrowed to its organisation.</summary>
public sealed class ApplicationQueries(NpgsqlDataSource db, EventStoreOptions options)
{
    private const string Where = """
        ($1::uuid is null or call_id = $1) and ($2::text is null or status = $2) and ($3::text is null or theme = $3)
        and ($4::text is null or $4 = any(countries)) and ($5::uuid is null or organisation_id = $5)
        """;

    public async Task<Paged<ApplicationSummary>> List(ApplicationFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var command = Filtered($"""
            select id, call_id, organisation_id, title, theme, countries, status, requested_amount, currency, submitted_at, awarded_amount, count(*) over ()
            from {options.Schema}.applications where {Where}
            order by submitted_at nulls last, updated_at, id limit $6 offset $7
            """, filter).With(page.PageSize, page.Offset);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<ApplicationSummary>();
        var total = 0L;
        while (await reader.ReadAsync(ct))
        {
            items.Add(new ApplicationSummary(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<string[]>(5), Enum.Parse<ApplicationStatus>(reader.GetString(6)), new Money(reader.GetDecimal(7), reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : new Money(reader.GetDecimal(10), reader.GetString(8))));
            total = reader.GetInt64(11);
        }

        return page.Of(items, total);
    }

    public async Task<ApplicationCounts> Count(ApplicationFilter filter, CancellationToken ct)
    {
        await using var command = Filtered($"""
            select 'status', status, count(*) from {options.Schema}.applications where {Where} group by status
            union all
            select 'theme', theme, count(*) from {options.Schema}.applications where {Where} and theme is not null group by theme
            union all
            select 'country', c, count(*) from {options.Schema}.applications, unnest(countries) c where {Where} group by c
            """, filter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal)
        {
            ["status"] = new(StringComparer.Ordinal), ["theme"] = new(StringComparer.Ordinal), ["country"] = new(StringComparer.Ordinal),
        };
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)][reader.GetString(1)] = reader.GetInt64(2);
        }

        return new ApplicationCounts(counts["status"].Values.Sum(), counts["status"], counts["theme"], counts["country"]);
    }

    /// <summary>Whether the organisation holds a grant that is not closed yet, answered with the rest of the batch.</summary>
    public Task<bool> HasOpenGrant(BatchQuery batch, Guid organisationId) =>
        batch.Query(
            new NpgsqlBatchCommand($"""
                select exists (select 1 from {options.Schema}.applications where organisation_id = $1 and status in ('Awarded', 'AgreementSigned'))
                """).With(organisationId),
            async (reader, ct) => await reader.ReadAsync(ct) && reader.GetBoolean(0));

    private NpgsqlCommand Filtered(string sql, ApplicationFilter filter)
    {
        var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.CallId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Status?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Theme ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Country ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.OrganisationId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        return command;
    }
}

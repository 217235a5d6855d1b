using Grants.Review.Calls;
using Npgsql;

namespace Grants.Review.Cases;

public sealed record CaseSummary(Guid ApplicationId, Guid OrganisationId, string Status, int Reviewers);

public sealed record AssignedCase(Guid ApplicationId, Guid CallId, string Status, DateTimeOffset DueAt);

/// <summary>Reads of the case index.</summary>
public sealed class CaseQueries(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    private string Schema => options.Schema;

    /// <summary>The call's pool with each reviewer's open assignments in the call and their conflicts with the organisation.</summary>
    public async Task<Candidates> Candidates(CallReview call, Guid organisationId, CancellationToken ct)
    {
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select a.reviewer_id, count(*)::int from {Schema}.review_assignments a
            join {Schema}.review_cases c using (application_id)
            where a.call_id = $1 and c.status in ('InReview', 'AwaitingConsensus')
            group by a.reviewer_id
            """) { Parameters = { new() { Value = call.Known.CallId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select reviewer_id from {Schema}.review_conflicts where organisation_id = $1")
        {
            Parameters = { new() { Value = organisationId } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            load[reader.GetString(0)] = reader.GetInt32(1);
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            conflicted.Add(reader.GetString(0));
        }

        return new Candidates([.. call.Pool.Values], load, conflicted);
    }

    public async Task<Paged<AssignedCase>> AssignedTo(string reviewerId, PageRequest page, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select c.application_id, c.call_id, c.status, a.due_at from {Schema}.review_assignments a
            join {Schema}.review_cases c using (application_id)
            where a.reviewer_id = $1
            order by a.due_at, c.application_id
            limit $2 offset $3
            """) { Parameters = { new() { Value = reviewerId }, new() { Value = page.PageSize }, new() { Value = page.Offset } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select count(*) from {Schema}.review_assignments where reviewer_id = $1")
        {
            Parameters = { new() { Value = reviewerId } },
        });
        var items = new List<AssignedCase>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new AssignedCase(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return page.Of(items, reader.GetInt64(0));
    }

    public async Task<Paged<CaseSummary>> InCall(Guid callId, CaseStatus? status, PageRequest page, CancellationToken ct)
    {
        var inStatus = new NpgsqlParameter { Value = (object?)status?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select c.application_id, c.organisation_id, c.status, count(a.reviewer_id)::int from {Schema}.review_cases c
            left join {Schema}.review_assignments a using (application_id)
            where c.call_id = $1 and ($4::text is null or c.status = $4)
            group by c.application_id
            order by c.application_id
            limit $2 offset $3
            """) { Parameters = { new() { Value = callId }, new() { Value = page.PageSize }, new() { Value = page.Offset }, inStatus } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select count(*) from {Schema}.review_cases where call_id = $1 and ($2::text is null or status = $2)")
        {
            Parameters = { new() { Value = callId }, inStatus.Clone() },
        });
        var items = new List<CaseSummary>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new CaseSummary(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3)));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return page.Of(items, reader.GetInt64(0));
    }

    /// <summary>The call's cases in review with fewer reviewers than the call asks for.</summary>
    public async Task<IReadOnlyList<Guid>> ShortOfReviewers(Guid callId, int needed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select c.application_id from {Schema}.review_cases c
            left join {Schema}.review_assignments a using (application_id)
            where c.call_id = $1 and c.status = 'InReview'
            group by c.application_id
            having count(a.reviewer_id) < $2
            order by c.application_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = callId });
        command.Parameters.Add(new NpgsqlParameter { Value = needed });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}

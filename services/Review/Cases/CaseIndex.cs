using Npgsql;

namespace Grants.Review.Cases;

/// <summary>
/// Tables the case streams feed in their own transaction: which cases exist, who is assigned to
/// which (for a reviewer's list and the load of each reviewer), and who declared a conflict with
/// which organisation (so no case of that organisation is ever assigned to them again).
/// </summary>
public sealed class CaseIndex : IProjection
{
    public static MigrationSet Migrations { get; } = new("review_index_migrations", s =>
    [
        new(1, "review case index", $"""
            create table {s}.review_cases (
                application_id uuid primary key,
                call_id uuid not null,
                organisation_id uuid not null,
                status text not null
            );

            create table {s}.review_assignments (
                application_id uuid not null,
                reviewer_id text not null,
                call_id uuid not null,
                due_at timestamptz not null,
                primary key (application_id, reviewer_id)
            );

            create index review_assignments_reviewer on {s}.review_assignments (reviewer_id, call_id);

            create table {s}.review_conflicts (
                reviewer_id text not null,
                organisation_id uuid not null,
                primary key (reviewer_id, organisation_id)
            );
            """),
    ]);

    public string Name => "review-case-index";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var (sql, parameters) = e.Data switch
            {
                ReviewCaseOpened o => ($"insert into {context.Schema}.review_cases values ($1, $2, $3, $4) on conflict do nothing",
                    new object[] { o.ApplicationId, o.CallId, o.OrganisationId, nameof(CaseStatus.InReview) }),
                ReviewerAssigned a => ($"""
                    insert into {context.Schema}.review_assignments
                    select $1, $2, call_id, $3 from {context.Schema}.review_cases where application_id = $1
                    on conflict (application_id, reviewer_id) do update set due_at = excluded.due_at
                    """, [e.StreamId, a.ReviewerId, a.DueAt]),
                ReviewerRemoved r => ($"delete from {context.Schema}.review_assignments where application_id = $1 and reviewer_id = $2",
                    [e.StreamId, r.ReviewerId]),
                ConflictDeclared c => ($"insert into {context.Schema}.review_conflicts values ($1, $2) on conflict do nothing",
                    [c.ReviewerId, c.OrganisationId]),
                ConsensusRequired => Status(context, e.StreamId, CaseStatus.AwaitingConsensus),
                ReviewCaseCompleted => Status(context, e.StreamId, CaseStatus.Completed),
                ReviewCaseCancelled => Status(context, e.StreamId, CaseStatus.Cancelled),
                _ => (null, []),
            };
            if (sql is null)
            {
                continue;
            }

            await using var command = context.Command(sql);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command(
            $"truncate {context.Schema}.review_cases, {context.Schema}.review_assignments, {context.Schema}.review_conflicts");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static (string?, object[]) Status(ProjectionContext context, Guid applicationId, CaseStatus status) =>
        ($"update {context.Schema}.review_cases set status = $2 where application_id = $1", [applicationId, status.ToString()]);
}

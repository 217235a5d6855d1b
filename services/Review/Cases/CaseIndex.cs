using Npgsql;

namespace Grants.Review.Cases;

/// <summary>
/// Tables the case streams feed in their own transaction: which cases exist, who is assigned to
/// which (for a reviewer's list and the load of each reviewer), and who declared a conflict with
/// which organisation (so no case of that organisation is ever assigned to them again).
/// </summary>
public sealed class CaseIndex() : TableProjection("review-case-index", "review_cases", "review_assignments", "review_conflicts")
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

    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s)
    {
        var (sql, parameters) = e.Data switch
        {
            ReviewCaseOpened o => ($"insert into {s}.review_cases values ($1, $2, $3, $4) on conflict do nothing",
                new object[] { o.ApplicationId, o.CallId, o.OrganisationId, nameof(CaseStatus.InReview) }),
            ReviewerAssigned a => ($"""
                insert into {s}.review_assignments
                select $1, $2, call_id, $3 from {s}.review_cases where application_id = $1
                on conflict (application_id, reviewer_id) do update set due_at = excluded.due_at
                """, [e.StreamId, a.ReviewerId, a.DueAt]),
            ReviewerRemoved r => ($"delete from {s}.review_assignments where application_id = $1 and reviewer_id = $2",
                [e.StreamId, r.ReviewerId]),
            ConflictDeclared c => ($"insert into {s}.review_conflicts values ($1, $2) on conflict do nothing",
                [c.ReviewerId, c.OrganisationId]),
            ConsensusRequired => Status(s, e.StreamId, CaseStatus.AwaitingConsensus),
            ReviewCaseCompleted => Status(s, e.StreamId, CaseStatus.Completed),
            ReviewCaseCancelled => Status(s, e.StreamId, CaseStatus.Cancelled),
            _ => (null, []),
        };
        if (sql is null)
        {
            yield break;
        }

        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        yield return command;
    }

    private static (string?, object[]) Status(string s, Guid applicationId, CaseStatus status) =>
        ($"update {s}.review_cases set status = $2 where application_id = $1", [applicationId, status.ToString()]);
}

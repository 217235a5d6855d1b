using Grants.Applications.Grants;
using Npgsql;

namespace Grants.Applications.Applications;

/// <summary>
/// One row per application with its status across the services, kept inline so every read sees
/// its own writes: the NGO's list, the officer's list per call with filters and counts, and the
/// facts a submission is checked against (other applications this year, grants not yet closed).
/// </summary>
public sealed class ApplicationList() : TableProjection("applications", "applications")
{
    public static MigrationSet Migrations { get; } = new("applications_migrations", s =>
    [
        new(1, "applications list", $"""
            create table {s}.applications (
                id uuid primary key,
                call_id uuid not null,
                organisation_id uuid not null,
                title text not null,
                theme text,
                countries text[] not null,
                status text not null,
                requested_amount numeric not null,
                currency text not null,
                submitted_at timestamptz,
                content_hash text,
                updated_at timestamptz not null
            );
            create index applications_call on {s}.applications (call_id, status);
            create index applications_organisation on {s}.applications (organisation_id, status);
            """),
        new(2, "awarded amounts", $"alter table {s}.applications add column awarded_amount numeric"),
    ]);

    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s)
    {
        switch (e.Data)
        {
            case ApplicationDrafted d:
                yield return new NpgsqlBatchCommand($"""
                    insert into {s}.applications (id, call_id, organisation_id, title, theme, countries, status, requested_amount, currency, updated_at)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    """).With(d.ApplicationId, d.CallId, d.OrganisationId, d.Content.Title, d.Content.Theme, d.Content.Countries.ToArray(),
                        nameof(ApplicationStatus.Draft), d.Content.RequestedAmount, d.Content.Currency, e.Timestamp);
                break;
            case DraftUpdated d:
                yield return new NpgsqlBatchCommand(
                    $"update {s}.applications set title = $2, theme = $3, countries = $4, requested_amount = $5, updated_at = $6 where id = $1")
                    .With(e.StreamId, d.Content.Title, d.Content.Theme, d.Content.Countries.ToArray(), d.Content.RequestedAmount, e.Timestamp);
                break;
            case ApplicationSubmittedEvent d:
                yield return new NpgsqlBatchCommand($"""
                    update {s}.applications set title = $2, theme = $3, countries = $4, requested_amount = $5, updated_at = $6,
                        submitted_at = $7, content_hash = $8, status = $9
                    where id = $1
                    """).With(e.StreamId, d.Content.Title, d.Content.Theme, d.Content.Countries.ToArray(), d.Content.RequestedAmount, e.Timestamp,
                        d.At, d.ContentHash, nameof(ApplicationStatus.Submitted));
                break;
            case ClarificationRequested:
                yield return Status(s, e, ApplicationStatus.ClarificationRequested);
                break;
            case ClarificationAnswered:
                yield return Status(s, e, ApplicationStatus.Submitted);
                break;
            case EligibilityDecided d:
                yield return Status(s, e, d.Eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible);
                break;
            case ApplicationWithdrawnEvent:
                yield return Status(s, e, ApplicationStatus.Withdrawn);
                break;
            case ReviewResultReceived:
                yield return new NpgsqlBatchCommand($"update {s}.applications set status = $2 where id = $1 and status = $3")
                    .With(e.StreamId, nameof(ApplicationStatus.Reviewed), nameof(ApplicationStatus.Eligible));
                break;
            case FundingDecisionReceived d:
                yield return Status(s, e, Application.Evolve(Application.Initial, d).Status);
                yield return new NpgsqlBatchCommand($"update {s}.applications set awarded_amount = $2 where id = $1").With(e.StreamId, d.Result.Amount?.Amount);
                break;
            case GrantAgreementSignedEvent:
                yield return Status(s, e, ApplicationStatus.AgreementSigned);
                break;
            case GrantClosedReceived:
                yield return Status(s, e, ApplicationStatus.Closed);
                break;
        }
    }

    private static NpgsqlBatchCommand Status(string s, StoredEvent e, ApplicationStatus status) =>
        new NpgsqlBatchCommand($"update {s}.applications set status = $2, updated_at = $3 where id = $1").With(e.StreamId, status.ToString(), e.Timestamp);
}

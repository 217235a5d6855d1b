using Npgsql;

namespace Grants.Applications.Calls;

/// <summary>The calls table: one row per call, kept inline so a list reads its own writes.</summary>
public sealed class CallList() : TableProjection("calls", "calls")
{
    public static MigrationSet Migrations { get; } = new("calls_migrations", s =>
    [
        new(1, "calls list", $"""
            create table {s}.calls (
                id uuid primary key,
                reference text not null,
                title text not null,
                status text not null,
                by_invitation boolean not null,
                invited uuid[] not null,
                themes text[] not null,
                countries text[] not null,
                deadline timestamptz not null,
                time_zone text not null,
                envelope numeric not null,
                currency text not null,
                rules_version int not null,
                opened_at timestamptz,
                closed_at timestamptz
            );
            create index calls_status on {s}.calls (status, deadline);
            """),
    ]);

    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s)
    {
        var command = e.Data switch
        {
            CallDrafted d => Upsert(s, d.CallId, d.Reference, d.Title, CallStatus.Draft, d.Rules, 1),
            CallEdited d => Upsert(s, e.StreamId, null, d.Title, CallStatus.Draft, d.Rules, null),
            CallOpened d => new NpgsqlBatchCommand($"update {s}.calls set status = $2, opened_at = $3, rules_version = $4 where id = $1")
                .With(d.CallId, nameof(CallStatus.Open), d.At, d.RulesVersion),
            CallClosed d => new NpgsqlBatchCommand($"update {s}.calls set status = $2, closed_at = $3 where id = $1")
                .With(d.CallId, nameof(CallStatus.Closed), d.At),
            _ => null,
        };
        return command is null ? [] : [command];
    }

    private static NpgsqlBatchCommand Upsert(string s, Guid id, string? reference, string title, CallStatus status, CallRules rules, int? version) =>
        new NpgsqlBatchCommand($"""
            insert into {s}.calls
                (id, reference, title, status, by_invitation, invited, themes, countries, deadline, time_zone, envelope, currency, rules_version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            on conflict (id) do update set title = excluded.title, by_invitation = excluded.by_invitation, invited = excluded.invited,
                themes = excluded.themes, countries = excluded.countries, deadline = excluded.deadline, time_zone = excluded.time_zone,
                envelope = excluded.envelope, currency = excluded.currency, rules_version = calls.rules_version + 1
            """).With(id, reference ?? "", title, status.ToString(), rules.ByInvitationOnly, rules.InvitedOrganisations.ToArray(),
                rules.Themes.ToArray(), rules.Countries.ToArray(), rules.SubmissionDeadline, rules.TimeZone, rules.Envelope.Amount,
                rules.Envelope.Currency, version ?? 1);
}

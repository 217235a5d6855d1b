namespace Grants.Payments.Ledger;

/// <summary>The read side of the ledger, written inline with the events so an API reads its own writes.</summary>
internal static class LedgerTables
{
    public static MigrationSet Migrations { get; } = new("ledger_migrations", s =>
    [
        new(1, "ledger read tables", $"""
            create table {s}.ledger_calls (
                call_id uuid primary key,
                reference text not null,
                envelope numeric(18, 2) not null,
                currency text not null
            );

            create table {s}.ledger_grants (
                grant_id uuid primary key,
                application_id uuid not null,
                call_id uuid not null,
                organisation_id uuid not null,
                title text not null,
                amount numeric(18, 2) not null,
                currency text not null,
                paid numeric(18, 2) not null default 0,
                recovered numeric(18, 2) not null default 0,
                status text not null,
                opened_at timestamptz not null
            );

            create index ledger_grants_call on {s}.ledger_grants (call_id);

            create table {s}.ledger_tranches (
                grant_id uuid not null,
                number int not null,
                amount numeric(18, 2),
                currency text not null,
                status text not null,
                pay_by date,
                late boolean not null default false,
                batch_id uuid,
                primary key (grant_id, number)
            );

            -- Finance works from the tranches in a given state: due, approved and ready to batch, late.
            create index ledger_tranches_status on {s}.ledger_tranches (status, pay_by);
            """),
        new(2, "frozen grants", $"""
            alter table {s}.ledger_grants add column frozen boolean not null default false;
            create index ledger_grants_organisation on {s}.ledger_grants (organisation_id);
            """),
        new(3, "payment batches", $"""
            create table {s}.ledger_batches (
                batch_id uuid primary key,
                message_id text not null,
                status text not null,
                created_at timestamptz not null,
                created_by text not null,
                total numeric(18, 2) not null,
                currency text not null,
                payments int not null,
                bank_reference text,
                executed_on date,
                rejection_reason text
            );

            -- Finance looks at the newest batches first, or at those still waiting for the bank.
            create index ledger_batches_status on {s}.ledger_batches (status, created_at);
            create index ledger_batches_created on {s}.ledger_batches (created_at);
            """),
    ]);
}

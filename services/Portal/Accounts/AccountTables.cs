using Grants.EventSourcing;

namespace Grants.Portal.Accounts;

public static class AccountTables
{
    public static MigrationSet Migrations { get; } = new("portal_migrations", s =>
    [
        new(1, "accounts", $"""
            create table {s}.accounts (
                user_name text primary key,
                display_name text not null,
                roles text[] not null,
                organisation_id uuid,
                password_hash text not null,
                failed_sign_ins int not null default 0,
                locked_until timestamptz,
                created timestamptz not null default now())
            """),
    ]);
}

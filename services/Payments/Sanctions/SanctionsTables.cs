using Grants.EventSourcing;

namespace Grants.Payments.Sanctions;

/// <summary>
/// The list files as imported (content-addressed by their SHA-256, so an auditor can check a version
/// against its file) with their parsed entries, and the read models of the screening projection.
/// </summary>
public static class SanctionsTables
{
    public static MigrationSet Migrations { get; } = new("sanctions_migrations", s =>
    [
        new(1, "sanctions lists, entries and screening read models", $"""
            create table {s}.sanctions_list_files (
                content_hash text primary key,
                source text not null,
                published_at timestamptz not null,
                content bytea not null,
                stored_at timestamptz not null default now()
            );

            create table {s}.sanctions_entries (
                content_hash text not null references {s}.sanctions_list_files,
                entry_id text not null,
                kind text not null,
                reference text not null,
                names text[] not null,
                fingerprint text not null,
                primary key (content_hash, entry_id)
            );

            create table {s}.sanctions_list_versions (
                version text primary key,
                source text not null,
                content_hash text not null,
                published_at timestamptz not null,
                entry_count integer not null,
                origin text not null,
                imported_by text not null,
                imported_at timestamptz not null,
                stream_version bigint not null
            );
            create index sanctions_list_versions_current on {s}.sanctions_list_versions (source, stream_version desc);

            create table {s}.sanctions_subjects (
                organisation_id uuid primary key,
                legal_name text not null,
                cleared boolean not null default false,
                list_versions text[] not null default array[]::text[],
                screened_at timestamptz
            );

            create table {s}.sanctions_hits (
                hit_id uuid primary key,
                organisation_id uuid not null,
                screened_name text not null,
                role text not null,
                source text not null,
                entry_id text not null,
                reference text not null,
                listed_name text not null,
                score double precision not null,
                status text not null,
                list_versions text[] not null,
                found_at timestamptz not null,
                decided_by text,
                decided_at timestamptz,
                justification text
            );
            create index sanctions_hits_status on {s}.sanctions_hits (status, found_at);
            create index sanctions_hits_organisation on {s}.sanctions_hits (organisation_id);
            """),
    ]);
}

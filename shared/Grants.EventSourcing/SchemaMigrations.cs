namespace Grants.EventSourcing;

/// <summary>
/// The store's tables, as numbered migrations. Applied ones are recorded in <c>schema_migrations</c>;
/// a migration is never edited once released, a change is a new number.
/// </summary>
internal static class SchemaMigrations
{
    public static MigrationSet Store { get; } = new("schema_migrations", All);

    private static IReadOnlyList<Migration> All(string s) =>
    [
        new(1, "event store tables", $$"""
            create table {{s}}.streams (
                id uuid primary key,
                type text not null,
                version bigint not null,
                created timestamptz not null,
                timestamp timestamptz not null,
                head_hash bytea,
                last_tx_id xid8 not null default pg_current_xact_id()
            );

            create table {{s}}.events (
                seq_id bigint generated always as identity primary key,
                id uuid not null unique,
                stream_id uuid not null,
                version bigint not null,
                type text not null,
                data jsonb not null,
                timestamp timestamptz not null,
                correlation_id uuid,
                causation_id uuid,
                headers jsonb not null,
                tx_id xid8 not null default pg_current_xact_id(),
                hash bytea not null,
                unique (stream_id, version)
            );

            -- The global log is read in (tx_id, seq_id) order; see GlobalLog for why.
            create index events_log_position on {{s}}.events (tx_id, seq_id);

            create table {{s}}.event_progression (
                name text primary key,
                last_seq_id bigint not null,
                last_tx_id xid8 not null,
                last_updated timestamptz not null default now()
            );

            create table {{s}}.inbox (
                message_id uuid not null,
                consumer text not null,
                processed_at timestamptz not null default now(),
                primary key (message_id, consumer)
            );
            """),
        new(2, "append function with hash chain", $$"""
            -- Must produce exactly the bytes of HashChain.Next in C#, which the verifier uses. Each
            -- variable-length field is length-prefixed (NULL as length -1) so no two different splits
            -- of the same bytes hash alike. PL/pgSQL, not SQL: a SQL function that cannot be inlined
            -- (extract() on timestamptz is only stable) is re-planned in every transaction.
            create function {{s}}.event_hash(
                p_previous bytea, p_id uuid, p_stream_id uuid, p_version bigint, p_type text, p_data jsonb,
                p_headers jsonb, p_timestamp timestamptz, p_correlation_id uuid, p_causation_id uuid)
            returns bytea language plpgsql immutable as $f$
            declare
                v_type bytea := convert_to(p_type, 'UTF8');
                v_data bytea := convert_to(p_data::text, 'UTF8');
                v_headers bytea := convert_to(p_headers::text, 'UTF8');
            begin
                return sha256(
                    coalesce(int4send(octet_length(p_previous)) || p_previous, int4send(-1))
                    || uuid_send(p_stream_id)
                    || int8send(p_version)
                    || int4send(octet_length(v_type)) || v_type
                    || int4send(octet_length(v_data)) || v_data
                    || int4send(octet_length(v_headers)) || v_headers
                    || int8send((extract(epoch from p_timestamp) * 1000000)::bigint)
                    || uuid_send(p_id)
                    || coalesce(int4send(16) || uuid_send(p_correlation_id), int4send(-1))
                    || coalesce(int4send(16) || uuid_send(p_causation_id), int4send(-1)));
            end
            $f$;

            -- One round trip per append. The version check and the row lock come before any sequence
            -- number is taken, so a losing writer leaves no gap in seq_id. Errors carry the stream id
            -- and actual version in their message text (StoreErrors parses it): Npgsql redacts the
            -- detail field by default. events.stream_id has no foreign key: this function is the only
            -- writer and creates or locks the stream row first; the verifier reports orphans.
            create function {{s}}.append_events(
                p_stream_id uuid, p_stream_type text, p_expected_version bigint,
                p_ids uuid[], p_types text[], p_data jsonb[], p_headers jsonb,
                p_correlation_id uuid, p_causation_id uuid, p_timestamp timestamptz)
            returns table (o_seq_ids bigint[], o_tx_id xid8) language plpgsql as $f$
            declare
                v_version bigint := 0;
                v_hash bytea;
                v_last_tx xid8;
                v_hashes bytea[] := '{}';
                v_seq_ids bigint[];
                v_count int := cardinality(p_ids);
            begin
                if p_expected_version > 0 then
                    select s.version, s.head_hash, s.last_tx_id into v_version, v_hash, v_last_tx
                    from {{s}}.streams s where s.id = p_stream_id for update;
                    if not found then
                        raise exception 'stream % does not exist', p_stream_id using errcode = 'GS404';
                    end if;
                    if v_version <> p_expected_version then
                        raise exception 'stream % is at version %, not %', p_stream_id, v_version, p_expected_version
                            using errcode = 'GS409';
                    end if;
                    -- Readers order the log by transaction id: a transaction older than the stream's
                    -- last writer must not append after it, or the log would show version n+1 before n.
                    if v_last_tx > pg_current_xact_id() then
                        raise exception 'stream % is at version % but was appended by a newer transaction', p_stream_id, v_version
                            using errcode = 'GS409';
                    end if;
                end if;

                for i in 1 .. v_count loop
                    v_hash := {{s}}.event_hash(v_hash, p_ids[i], p_stream_id, v_version + i, p_types[i], p_data[i],
                                               p_headers, p_timestamp, p_correlation_id, p_causation_id);
                    v_hashes := v_hashes || v_hash;
                end loop;

                if p_expected_version = 0 then
                    insert into {{s}}.streams (id, type, version, created, timestamp, head_hash)
                    values (p_stream_id, p_stream_type, v_count, p_timestamp, p_timestamp, v_hash)
                    on conflict (id) do nothing;
                    if not found then
                        raise exception 'stream % already exists', p_stream_id using errcode = 'GS409';
                    end if;
                else
                    update {{s}}.streams
                    set version = v_version + v_count, timestamp = p_timestamp, head_hash = v_hash,
                        last_tx_id = pg_current_xact_id()
                    where id = p_stream_id;
                end if;

                with inserted as (
                    insert into {{s}}.events (id, stream_id, version, type, data, timestamp,
                                              correlation_id, causation_id, headers, hash)
                    select e.id, p_stream_id, v_version + e.n, e.type, e.data, p_timestamp,
                           p_correlation_id, p_causation_id, p_headers, e.hash
                    from unnest(p_ids, p_types, p_data, v_hashes) with ordinality as e(id, type, data, hash, n)
                    order by e.n
                    returning seq_id, version)
                select array_agg(seq_id order by version) into v_seq_ids from inserted;

                return query select v_seq_ids, pg_current_xact_id();
            end
            $f$;
            """),
        new(3, "version check for decisions taken on a cached state", $$"""
            -- A consumer that decided on a cached state without appending to the stream commits only
            -- if the stream is still where it was; the message text has the shape StoreErrors parses.
            create function {{s}}.expect_version(p_stream_id uuid, p_version bigint)
            returns void language plpgsql as $f$
            declare
                v_version bigint;
            begin
                select coalesce((select s.version from {{s}}.streams s where s.id = p_stream_id), 0) into v_version;
                if v_version <> p_version then
                    raise exception 'stream % is at version %, not %', p_stream_id, v_version, p_version
                        using errcode = 'GS409';
                end if;
            end
            $f$;
            """),
    ];
}

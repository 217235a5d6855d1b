using Grants.EventSourcing;
using Npgsql;

namespace Grants.Hosting.Scheduling;

/// <summary>
/// Quartz's ADO job store tables in the service's own schema, prefixed <c>qrtz_</c>, kept as numbered
/// migrations like the event store's. Quartz checks at start that every table and column it needs
/// is here, so a mismatch with the pinned Quartz version stops the scheduler instead of misfiring.
/// Upgrading Quartz means a new migration here that adds what its release notes add.
/// </summary>
internal static class SchedulerTables
{
    public static MigrationSet Migrations { get; } = new("scheduler_migrations", All);

    public static string Prefix(string schema) => $"{schema}.qrtz_";

    /// <summary>Creates or completes the tables and the scheduler's lock rows; safe to run from every instance at once.</summary>
    public static async Task Ensure(NpgsqlDataSource dataSource, string schema, string schedulerName, CancellationToken ct)
    {
        await SchemaMigrator.Migrate(dataSource, schema, Migrations, ct);
        await InsertLockRows(dataSource, schema, schedulerName, ct);
    }

    // Quartz inserts a lock row the first time it needs one; two nodes doing that at once on
    // PostgreSQL abort each other's transaction, so the rows exist before any node starts.
    private static async Task InsertLockRows(NpgsqlDataSource dataSource, string schema, string schedulerName, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {schema}.qrtz_locks (sched_name, lock_name)
            values ($1, 'TRIGGER_ACCESS'), ($1, 'STATE_ACCESS')
            on conflict do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = schedulerName });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<Migration> All(string s) =>
    [
        new(1, "quartz 4.7 job store", $$"""
            create table {{s}}.qrtz_job_details (
                sched_name text not null,
                job_name text not null,
                job_group text not null,
                description text,
                job_class_name text not null,
                is_durable boolean not null,
                is_nonconcurrent boolean not null,
                is_update_data boolean not null,
                requests_recovery boolean not null,
                job_data bytea,
                primary key (sched_name, job_name, job_group)
            );

            create table {{s}}.qrtz_triggers (
                sched_name text not null,
                trigger_name text not null,
                trigger_group text not null,
                job_name text not null,
                job_group text not null,
                description text,
                next_fire_time bigint,
                prev_fire_time bigint,
                priority integer,
                trigger_state text not null,
                trigger_type text not null,
                start_time bigint not null,
                end_time bigint,
                calendar_name text,
                misfire_instr smallint,
                misfire_orig_fire_time bigint,
                misfire_threshold bigint,
                execution_group text,
                preferred_node text,
                preferred_node_auto boolean not null default false,
                retry_policy text,
                retry_attempt integer,
                continues_trigger_name text,
                continues_trigger_group text,
                continuation_condition integer,
                overlap_policy integer,
                fixed_delay boolean,
                pause_reason text,
                paused_by text,
                paused_at bigint,
                job_data bytea,
                primary key (sched_name, trigger_name, trigger_group),
                foreign key (sched_name, job_name, job_group) references {{s}}.qrtz_job_details
            );

            -- One table per trigger kind, each row deleted with its trigger.
            create table {{s}}.qrtz_simple_triggers (
                sched_name text not null,
                trigger_name text not null,
                trigger_group text not null,
                repeat_count bigint not null,
                repeat_interval bigint not null,
                times_triggered bigint not null,
                primary key (sched_name, trigger_name, trigger_group),
                foreign key (sched_name, trigger_name, trigger_group) references {{s}}.qrtz_triggers on delete cascade
            );

            create table {{s}}.qrtz_cron_triggers (
                sched_name text not null,
                trigger_name text not null,
                trigger_group text not null,
                cron_expression text not null,
                time_zone_id text,
                primary key (sched_name, trigger_name, trigger_group),
                foreign key (sched_name, trigger_name, trigger_group) references {{s}}.qrtz_triggers on delete cascade
            );

            create table {{s}}.qrtz_simprop_triggers (
                sched_name text not null,
                trigger_name text not null,
                trigger_group text not null,
                str_prop_1 text,
                str_prop_2 text,
                str_prop_3 text,
                int_prop_1 integer,
                int_prop_2 integer,
                long_prop_1 bigint,
                long_prop_2 bigint,
                dec_prop_1 numeric,
                dec_prop_2 numeric,
                bool_prop_1 boolean,
                bool_prop_2 boolean,
                time_zone_id text,
                primary key (sched_name, trigger_name, trigger_group),
                foreign key (sched_name, trigger_name, trigger_group) references {{s}}.qrtz_triggers on delete cascade
            );

            create table {{s}}.qrtz_blob_triggers (
                sched_name text not null,
                trigger_name text not null,
                trigger_group text not null,
                blob_data bytea,
                primary key (sched_name, trigger_name, trigger_group),
                foreign key (sched_name, trigger_name, trigger_group) references {{s}}.qrtz_triggers on delete cascade
            );

            create table {{s}}.qrtz_calendars (
                sched_name text not null,
                calendar_name text not null,
                calendar bytea not null,
                primary key (sched_name, calendar_name)
            );

            create table {{s}}.qrtz_paused_trigger_grps (
                sched_name text not null,
                trigger_group text not null,
                pause_reason text,
                paused_by text,
                paused_at bigint,
                primary key (sched_name, trigger_group)
            );

            create table {{s}}.qrtz_paused_job_grps (
                sched_name text not null,
                job_group text not null,
                pause_reason text,
                paused_by text,
                paused_at bigint,
                primary key (sched_name, job_group)
            );

            create table {{s}}.qrtz_fired_triggers (
                sched_name text not null,
                entry_id text not null,
                trigger_name text not null,
                trigger_group text not null,
                instance_name text not null,
                fired_time bigint not null,
                sched_time bigint not null,
                priority integer not null,
                state text not null,
                job_name text,
                job_group text,
                is_nonconcurrent boolean not null,
                requests_recovery boolean,
                execution_group text,
                progress integer,
                progress_message text,
                interrupt_requested_time bigint,
                primary key (sched_name, entry_id)
            );

            create table {{s}}.qrtz_scheduler_state (
                sched_name text not null,
                instance_name text not null,
                last_checkin_time bigint not null,
                checkin_interval bigint not null,
                quartz_version text,
                primary key (sched_name, instance_name)
            );

            create table {{s}}.qrtz_locks (
                sched_name text not null,
                lock_name text not null,
                primary key (sched_name, lock_name)
            );

            -- Acquisition and the misfire scan look for due triggers by state and time.
            create index qrtz_triggers_due on {{s}}.qrtz_triggers (sched_name, trigger_state, next_fire_time);
            create index qrtz_triggers_job on {{s}}.qrtz_triggers (sched_name, job_name, job_group);
            -- Recovery after a node dies reads that node's firings.
            create index qrtz_fired_triggers_instance on {{s}}.qrtz_fired_triggers (sched_name, instance_name);
            create index qrtz_fired_triggers_job on {{s}}.qrtz_fired_triggers (sched_name, job_name, job_group);
            create index qrtz_fired_triggers_trigger on {{s}}.qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
            """),
    ];
}

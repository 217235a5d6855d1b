using System.Globalization;
using System.Text.Json;
using Npgsql;
using Quartz;

namespace Grants.Hosting.Scheduling;

internal sealed class QuartzCommandScheduler(ISchedulerFactory schedulers, ScheduledCommandTypes types, TimeProvider time) : ICommandScheduler
{
    public const string Group = "commands";

    public Task Schedule(string key, object command, DateTimeOffset at, CancellationToken ct) =>
        Store(key, command, at, null, ct);

    public Task Schedule(string key, object command, DateTimeOffset at, NpgsqlTransaction transaction, CancellationToken ct) =>
        Store(key, command, at, transaction ?? throw new ArgumentNullException(nameof(transaction)), ct);

    public Task<bool> Unschedule(string key, CancellationToken ct) => Delete(key, null, ct);

    public Task<bool> Unschedule(string key, NpgsqlTransaction transaction, CancellationToken ct) =>
        Delete(key, transaction ?? throw new ArgumentNullException(nameof(transaction)), ct);

    private async Task Store(string key, object command, DateTimeOffset at, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(command);
        var type = types.Of(command.GetType());
        var job = JobBuilder.Create<SendScheduledCommand>()
            .WithIdentity(key, Group)
            .UsingJobData(SendScheduledCommand.TypeKey, type.Name)
            .UsingJobData(SendScheduledCommand.CommandKey, JsonSerializer.Serialize(command, type.Type, types.Json))
            .UsingJobData(SendScheduledCommand.DueKey, at.ToString("O", CultureInfo.InvariantCulture))
            // A node that dies while sending hands the firing to another; the handler is idempotent.
            .RequestRecovery(true)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key, Group)
            .ForJob(job)
            // An instant already past is due now. Stored as it is, the trigger would count as
            // misfired and wait for Quartz's misfire scan, up to a minute; the handler still sees
            // the instant it was due for (DueKey).
            .StartAt(at < time.GetUtcNow() ? time.GetUtcNow() : at)
            // Missed because every node was down: send it as soon as one is back, once.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

        var scheduler = await schedulers.GetScheduler(ct);
        using (Enlist(scheduler, transaction))
        {
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct);
        }
    }

    private async Task<bool> Delete(string key, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var scheduler = await schedulers.GetScheduler(ct);
        using (Enlist(scheduler, transaction))
        {
            return await scheduler.DeleteJob(new JobKey(key, Group), ct);
        }
    }

    private static IDisposable? Enlist(IScheduler scheduler, NpgsqlTransaction? transaction) =>
        transaction is null ? null : scheduler.EnlistTransaction(transaction);
}

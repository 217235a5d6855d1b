using System.Globalization;
using System.Text.Json;
using Quartz;

namespace Grants.Hosting.Scheduling;

/// <summary>
/// The one job every scheduled command runs as: reads the command stored with it and hands it to
/// the command's handler in this process. A failure (the database gone for a moment, a concurrent
/// writer) is retried with backoff, ten times over about seventeen minutes; handlers are
/// idempotent, so a retry after a partial success is safe.
/// </summary>
[RetryPolicy(10, "00:00:01", 2.0, MaxDelay = "00:10:00")]
internal sealed class SendScheduledCommand(IServiceProvider services, ScheduledCommandTypes types) : IJob
{
    public const string TypeKey = "command-type";
    public const string CommandKey = "command";
    public const string DueKey = "due";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.JobDetail.JobDataMap;
        var type = types.Named(data.GetString(TypeKey)!);
        var command = JsonSerializer.Deserialize(data.GetString(CommandKey)!, type.Type, types.Json)
            ?? throw new JobExecutionException($"Scheduled command '{context.JobDetail.Key}' is empty.");
        // Jobs stored before the due instant was kept with them were due when their trigger was.
        var due = data.GetString(DueKey) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var firing = new ScheduledFiring(context.JobDetail.Key.Name, due, context.FireTimeUtc);
        await type.Dispatch(services, command, firing, cancellationToken);
    }
}

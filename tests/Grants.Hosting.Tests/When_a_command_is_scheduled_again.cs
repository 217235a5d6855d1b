using Grants.Testing;
using Quartz;

namespace Grants.Hosting.Tests;

public sealed class When_a_command_is_scheduled_again
{
    private static readonly DateTimeOffset Deadline = new(2040, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_keep_one_trigger_and_move_it_to_the_new_instant()
    {
        await using var schema = await TestPostgres.NewSchema();
        await using var node = await SchedulerNode.Start(schema, new Firings(), "a");

        await node.Commands.Schedule("report-due", new Ping("first"), Deadline, CancellationToken.None);
        await node.Commands.Schedule("report-due", new Ping("first"), Deadline, CancellationToken.None);
        Assert.Equal(1L, await Triggers(schema));

        await node.Commands.Schedule("report-due", new Ping("moved"), Deadline.AddDays(7), CancellationToken.None);

        Assert.Equal(1L, await Triggers(schema));
        var quartz = await node.Quartz();
        var trigger = await quartz.GetTrigger(new TriggerKey("report-due", "commands"));
        Assert.Equal(Deadline.AddDays(7), trigger!.NextFireTimeUtc);
        var job = await quartz.GetJobDetail(new JobKey("report-due", "commands"));
        Assert.Contains("moved", job!.JobDataMap.GetString("command"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_forget_it_once_unscheduled()
    {
        await using var schema = await TestPostgres.NewSchema();
        await using var node = await SchedulerNode.Start(schema, new Firings(), "a");
        await node.Commands.Schedule("tranche-due", new Ping("pay"), Deadline, CancellationToken.None);

        Assert.True(await node.Commands.Unschedule("tranche-due", CancellationToken.None));
        Assert.False(await node.Commands.Unschedule("tranche-due", CancellationToken.None));
        Assert.Equal(0L, await Triggers(schema));
    }

    [Fact]
    public async Task Should_refuse_a_command_type_that_is_not_registered()
    {
        await using var schema = await TestPostgres.NewSchema();
        await using var node = await SchedulerNode.Start(schema, new Firings(), "a");

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Commands.Schedule("x", "not a command", Deadline, CancellationToken.None));
    }

    private static Task<long> Triggers(TestSchema schema) =>
        When_the_scheduler_tables_are_created.Scalar<long>(schema, "select count(*) from {s}.qrtz_triggers");
}

using Grants.Testing;

namespace Grants.Hosting.Tests;

public sealed class When_the_scheduler_tables_are_created
{
    [Fact]
    public async Task Should_create_them_once_with_the_lock_rows_even_when_instances_start_together()
    {
        await using var schema = await TestPostgres.NewSchema();
        var firings = new Firings();

        var nodes = await Task.WhenAll(SchedulerNode.Start(schema, firings, "a"), SchedulerNode.Start(schema, firings, "b"));
        await using var a = nodes[0];
        await using var b = nodes[1];

        Assert.True(a.IsReady && b.IsReady);
        Assert.Equal(1L, await Scalar<long>(schema, "select count(*) from {s}.scheduler_migrations"));
        Assert.Equal(
            "STATE_ACCESS,TRIGGER_ACCESS",
            await Scalar<string>(schema, "select string_agg(lock_name, ',' order by lock_name) from {s}.qrtz_locks where sched_name = 'grants-test'"));
        Assert.Equal(
            "a,b",
            await Scalar<string>(schema, "select string_agg(instance_name, ',' order by instance_name) from {s}.qrtz_scheduler_state"));
    }

    internal static async Task<T> Scalar<T>(TestSchema schema, string sql)
    {
        await using var command = schema.DataSource.CreateCommand(sql.Replace("{s}", schema.Name, StringComparison.Ordinal));
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

using Grants.Testing;
using Npgsql;

namespace Grants.Testing.Tests;

public sealed class When_postgres_is_started
{
    [Fact]
    public async Task Should_run_as_a_user_other_than_root()
    {
        var endpoint = await TestServers.Postgres();
        await using var dataSource = NpgsqlDataSource.Create(endpoint.ConnectionString);
        await using var command = dataSource.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var status = $"/proc/{backend}/status";

        // A server named by GRANTS_TEST_POSTGRES may live on another machine; ours is always here.
        if (TestServers.PostgresIsExternal && !File.Exists(status))
        {
            return;
        }

        var uid = File.ReadLines(status).Single(line => line.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
        Assert.NotEqual("0", uid);
    }

    [Fact]
    public async Task Should_trade_durability_for_speed_unless_asked_not_to()
    {
        await using var fast = await PostgresServer.Start();
        await using var durable = await PostgresServer.Start(new PostgresServerOptions { Durable = true, Database = "bench" });

        Assert.Equal("off", await Setting(fast, "fsync"));
        Assert.Equal("off", await Setting(fast, "synchronous_commit"));
        Assert.Equal("on", await Setting(durable, "fsync"));
        Assert.Equal("on", await Setting(durable, "synchronous_commit"));
        Assert.Equal("bench", new NpgsqlConnectionStringBuilder(durable.Endpoint.ConnectionString).Database);
    }

    [Fact]
    public async Task Should_remove_its_directory_and_free_its_port_when_disposed()
    {
        var server = await PostgresServer.Start();
        Assert.True(Directory.Exists(server.Directory));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.Directory));
        await using var connection = new NpgsqlConnection(server.Endpoint.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task Should_explain_why_when_it_cannot_start()
    {
        var options = new PostgresServerOptions { Settings = new Dictionary<string, string> { ["shared_buffers"] = "plenty" } };

        var failure = await Assert.ThrowsAsync<ServerStartException>(() => PostgresServer.Start(options));

        Assert.Contains("PostgreSQL exited with status 1 while starting", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid value for parameter \"shared_buffers\": \"plenty\"", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> Setting(PostgresServer server, string name)
    {
        await using var connection = new NpgsqlConnection(server.Endpoint.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_setting($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

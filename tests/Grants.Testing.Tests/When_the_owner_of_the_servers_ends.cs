using System.Net.Sockets;
using Grants.Testing;
using Npgsql;

namespace Grants.Testing.Tests;

// Grants.TestServers owns its servers the way a test host does, so it stands in for one here.
public sealed class When_the_owner_of_the_servers_ends
{
    [Fact]
    public async Task Should_publish_servers_that_answer_and_stop_them_on_SIGTERM()
    {
        using var owner = await TestServersProcess.Start();
        var postgres = new PostgresEndpoint(owner.Variables[TestServers.PostgresVariable]);
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
        }

        Assert.True(File.Exists(owner.EnvFile));
        Assert.Equal(2, owner.Directories.Count);

        await owner.Terminate();
        await owner.WaitForExit(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(0, owner.ExitCode);
        Assert.False(File.Exists(owner.EnvFile));
        Assert.All(owner.Directories, directory => Assert.False(Directory.Exists(directory), directory));
        Assert.All(Ports(owner), port => Assert.False(Listens(port), $"port {port}"));
    }

    [Fact]
    public async Task Should_take_its_servers_along_when_killed()
    {
        using var owner = await TestServersProcess.Start();

        owner.Kill();
        await owner.WaitForExit(CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (owner.Directories.Any(Directory.Exists) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.All(owner.Directories, directory => Assert.False(Directory.Exists(directory), directory));
        Assert.All(Ports(owner), port => Assert.False(Listens(port), $"port {port}"));
    }

    private static int[] Ports(TestServersProcess owner) =>
    [
        new NpgsqlConnectionStringBuilder(owner.Variables[TestServers.PostgresVariable]).Port,
        new Uri(owner.Variables[TestServers.RabbitMqVariable]).Port,
        new Uri(owner.Variables[TestServers.RabbitMqManagementVariable]).Port,
    ];

    private static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

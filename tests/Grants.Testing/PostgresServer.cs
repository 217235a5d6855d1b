using System.Globalization;
using Npgsql;

namespace Grants.Testing;

// A throwaway PostgreSQL cluster: initdb into a temp directory, postgres on a free loopback port
// (its unix socket in that directory, so it never touches /var/run/postgresql), trust auth for
// the `postgres` superuser, and one database created for the caller.
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly LocalServer _server;

    private PostgresServer(LocalServer server, int port, string database)
    {
        _server = server;
        Port = port;
        Endpoint = new PostgresEndpoint(ConnectionString(port, database));
    }

    public PostgresEndpoint Endpoint { get; }

    public string Directory => _server.Directory;

    public int Port { get; }

    public static async Task<PostgresServer> Start(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        var binaries = PostgresBinaries.Find();
        var account = await ServerAccount.ForServers(cancellationToken);
        var hint = account.User is null ? "" : $" It runs as OS user '{account.User}', which must be able to reach its directory.";
        return await LocalServer.StartWithRetries(() => LocalServer.Prepare("PostgreSQL", hint, options.StopTimeout, async server =>
        {
            await account.Own(server.Directory, cancellationToken);
            var port = FreePorts.Next();
            server.Start("INT", account.RunAs(["sh", "-c", LaunchScript(binaries, server.Directory, port, options)]), new Dictionary<string, string?>());
            await server.WaitUntilReady(ct => Probe(port, ct), TimeSpan.FromMilliseconds(50), options.StartTimeout, cancellationToken);
            await CreateDatabase(port, options.Database, cancellationToken);
            return new PostgresServer(server, port, options.Database);
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // initdb runs under the watchdog too, so even a half-built cluster goes away with its owner.
    private static string LaunchScript(PostgresBinaries binaries, string directory, int port, PostgresServerOptions options)
    {
        var data = Path.Combine(directory, "data");
        string[] initdb = [binaries.InitDb, "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"];
        List<string> postgres =
        [
            binaries.Postgres, "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={directory}",
        ];
        foreach (var (name, value) in options.EffectiveSettings())
        {
            postgres.AddRange(["-c", $"{name}={value}"]);
        }

        return $"{Shell.Join(initdb)} >/dev/null && exec {Shell.Join(postgres)}";
    }

    private static async Task<string?> Probe(int port, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Maintenance(port));
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (NpgsqlException e)
        {
            return e.Message;
        }
    }

    private static async Task CreateDatabase(int port, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Maintenance(port));
        await connection.OpenAsync(cancellationToken);
        var name = database.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    // Unpooled, so that no idle connection to a server about to go away stays behind in a pool.
    private static string Maintenance(int port) =>
        new NpgsqlConnectionStringBuilder(ConnectionString(port, "postgres")) { Pooling = false, Timeout = 2 }.ConnectionString;

    private static string ConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;
}

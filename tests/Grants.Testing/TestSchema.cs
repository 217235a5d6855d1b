using Npgsql;

namespace Grants.Testing;

// One test's corner of the shared database: ConnectionString and DataSource put Name first on the
// search path, so unqualified tables land in it. Disposing drops the schema and closes the pool.
public sealed class TestSchema : IAsyncDisposable
{
    private readonly PostgresEndpoint _server;

    internal TestSchema(PostgresEndpoint server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SearchPath = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The first column of the first row of a query in which {s} stands for this schema's name.</summary>
    public async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{s}", Name, StringComparison.Ordinal));
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task Create(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand($"create schema if not exists {Name}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {Name} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using Npgsql;

namespace Grants.Testing;

// ConnectionString names a role that may create schemas (and databases, on a server we started).
public sealed record PostgresEndpoint(string ConnectionString)
{
    // Host, port, user and database, without the password: fit for messages.
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }
}

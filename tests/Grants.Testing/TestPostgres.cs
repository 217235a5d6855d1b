namespace Grants.Testing;

public static class TestPostgres
{
    // A fresh schema name on the shared server; the schema itself is created only on request,
    // because the code under test (the event store, for one) usually creates its own.
    public static async Task<TestSchema> NewSchema(CancellationToken cancellationToken = default)
    {
        var endpoint = await TestServers.Postgres().WaitAsync(cancellationToken);
        return NewSchema(endpoint);
    }

    /// <summary>A fresh schema name on a server of the caller's own (the bench's durable one).</summary>
    public static TestSchema NewSchema(PostgresEndpoint server) => new(server, UniqueName.Next());
}

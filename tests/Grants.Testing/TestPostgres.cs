namespace Grants.Testing;

public static class TestPostgres
{
    // A fresh schema name on the shared server; the schema itself is created only on request,
    // because the code under test (the event store, for one) usually creates its own.
    public static async Task<TestSchema> NewSchema(CancellationToken cancellationToken = default)
    {
        var endpoint = await TestServers.Postgres().WaitAsync(cancellationToken);
        return new TestSchema(endpoint, UniqueName.Next());
    }
}

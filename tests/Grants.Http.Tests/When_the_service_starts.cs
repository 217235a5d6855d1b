namespace Grants.Http.Tests;

public sealed class When_the_service_starts(HttpHost host) : IClassFixture<HttpHost>
{
    [Fact]
    public async Task Should_create_the_idempotency_table_with_a_migration_history_of_its_own()
    {
        Assert.Equal(1L, await host.Scalar<long>("select count(*) from {s}.idempotency_migrations"));
        Assert.Equal(3L, await host.Scalar<long>("select count(*) from {s}.schema_migrations"));
        Assert.True(await host.Scalar<bool>("select to_regclass('{s}.idempotency_keys') is not null"));
    }
}

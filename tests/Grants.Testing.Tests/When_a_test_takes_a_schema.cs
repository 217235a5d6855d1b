using Grants.Testing;
using Npgsql;

namespace Grants.Testing.Tests;

public sealed class When_a_test_takes_a_schema
{
    [Fact]
    public async Task Should_get_a_fresh_name_that_is_not_created_until_asked()
    {
        await using var first = await TestPostgres.NewSchema();
        await using var second = await TestPostgres.NewSchema();

        Assert.NotEqual(first.Name, second.Name);
        Assert.Matches("^t_[0-9a-f]+$", first.Name);
        Assert.False(await Exists(first.Name));

        await first.Create();

        Assert.True(await Exists(first.Name));
        Assert.False(await Exists(second.Name));
    }

    [Fact]
    public async Task Should_not_see_the_tables_of_another_schema()
    {
        await using var first = await TestPostgres.NewSchema();
        await using var second = await TestPostgres.NewSchema();
        await first.Create();
        await second.Create();

        await Execute(first.DataSource, "create table widgets (name text not null); insert into widgets values ('first')");

        Assert.Null(await Scalar<string?>(second.DataSource, "select to_regclass('widgets')::text"));
        await Execute(second.DataSource, "create table widgets (name text not null); insert into widgets values ('second')");
        Assert.Equal("first", await Scalar<string>(first.DataSource, "select name from widgets"));
        Assert.Equal("second", await Scalar<string>(second.DataSource, "select name from widgets"));
    }

    [Fact]
    public async Task Should_put_the_schema_on_the_search_path_of_its_connection_string()
    {
        await using var schema = await TestPostgres.NewSchema();
        await schema.Create();
        await using var dataSource = NpgsqlDataSource.Create(schema.ConnectionString);

        Assert.Equal(schema.Name, await Scalar<string>(dataSource, "select current_schema()"));
    }

    [Fact]
    public async Task Should_drop_the_schema_when_disposed()
    {
        var schema = await TestPostgres.NewSchema();
        await schema.Create();
        await Execute(schema.DataSource, "create table widgets (name text)");

        await schema.DisposeAsync();

        Assert.False(await Exists(schema.Name));
    }

    private static async Task<bool> Exists(string schema)
    {
        var endpoint = await TestServers.Postgres();
        await using var dataSource = NpgsqlDataSource.Create(endpoint.ConnectionString);
        await using var command = dataSource.CreateCommand("select exists (select 1 from pg_namespace where nspname = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return (T)(value is DBNull ? null : value)!;
    }
}

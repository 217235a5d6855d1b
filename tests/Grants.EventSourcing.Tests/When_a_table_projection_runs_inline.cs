using Npgsql;

namespace Grants.EventSourcing.Tests;

public sealed class When_a_table_projection_runs_inline
{
    [Fact]
    public async Task Should_write_its_rows_with_the_append_so_a_read_sees_both()
    {
        await using var scope = await StoreScope.Create();
        await scope.Execute("create table {s}.totals (id uuid primary key, total int not null check (total <= 100), version bigint not null)");
        var store = scope.StoreWith(o => o.InlineProjections.Add(new Totals()));
        var id = Guid.NewGuid();

        var session = store.OpenSession(new());
        session.StartStream(id, "counter", new Incremented(3), new Incremented(4));
        await session.SaveChanges(CancellationToken.None);

        Assert.Equal((7, 2L), await scope.QueryRow("select total, version from {s}.totals where id = $1", r => (r.GetInt32(0), r.GetInt64(1)), id));
    }

    [Fact]
    public async Task Should_write_nothing_when_one_of_its_statements_fails()
    {
        await using var scope = await StoreScope.Create();
        await scope.Execute("create table {s}.totals (id uuid primary key, total int not null check (total <= 100), version bigint not null)");
        var store = scope.StoreWith(o => o.InlineProjections.Add(new Totals()));
        var id = Guid.NewGuid();

        var session = store.OpenSession(new());
        session.StartStream(id, "counter", new Incremented(60), new Incremented(50));
        var error = await Assert.ThrowsAsync<PostgresException>(() => session.SaveChanges(CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.events"));
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.streams"));
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.totals"));
    }

    /// <summary>A running total per counter, written at each increment.</summary>
    private sealed class Totals() : TableProjection("totals", "totals")
    {
        protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s) => e.Data is Incremented i
            ? [new NpgsqlBatchCommand($"""
                insert into {s}.totals (id, total, version) values ($1, $2, $3)
                on conflict (id) do update set total = totals.total + excluded.total, version = excluded.version
                """)
            {
                Parameters = { new() { Value = e.StreamId }, new() { Value = i.By }, new() { Value = e.Version } },
            }]
            : [];
    }
}

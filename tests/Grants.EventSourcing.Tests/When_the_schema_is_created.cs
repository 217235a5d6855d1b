namespace Grants.EventSourcing.Tests;

public sealed class When_the_schema_is_created
{
    [Fact]
    public async Task Should_be_idempotent_even_when_instances_start_together()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scope.StoreWith(o => { }).EnsureSchema(CancellationToken.None)));

        Assert.Equal(3L, await scope.Scalar<long>("select count(*) from {s}.schema_migrations"));
        Assert.Equal(1, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    [Fact]
    public async Task Should_migrate_another_components_tables_beside_the_store_with_their_own_history()
    {
        await using var scope = await StoreScope.Create();
        var notes = new MigrationSet("notes_migrations", s =>
        [
            new(1, "notes", $"create table {s}.notes (id int primary key)"),
            new(2, "note text", $"alter table {s}.notes add column text text not null default ''"),
        ]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scope.StoreWith(o => { }).EnsureSchema(notes, CancellationToken.None)));
        await scope.Store.EnsureSchema(CancellationToken.None);

        Assert.Equal(2L, await scope.Scalar<long>("select count(*) from {s}.notes_migrations"));
        Assert.Equal(3L, await scope.Scalar<long>("select count(*) from {s}.schema_migrations"));
        Assert.Equal(1, await scope.Execute("insert into {s}.notes (id, text) values (1, 'kept')"));
    }

    [Fact]
    public async Task Should_run_inline_projections_in_the_appending_transaction()
    {
        var projection = new TotalsProjection();
        await using var scope = await StoreScope.Create(configure: o => o.InlineProjections.Add(projection));
        await scope.Execute("create table {s}.totals (stream_id uuid primary key, total int not null)");
        var id = Guid.NewGuid();

        await scope.Append(id, 0, new Incremented(2), new Incremented(3));
        Assert.Equal(5, await scope.Scalar<int>("select total from {s}.totals where stream_id = $1", id));

        await Assert.ThrowsAsync<ConcurrencyException>(() => scope.Append(id, 1, new Incremented(100)));
        Assert.Equal(5, await scope.Scalar<int>("select total from {s}.totals where stream_id = $1", id));
    }

    private sealed class TotalsProjection : IProjection
    {
        public string Name => "totals";

        public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
        {
            foreach (var e in events)
            {
                if (e.Data is Incremented inc)
                {
                    await using var upsert = context.Command(
                        $"insert into {context.Schema}.totals values ($1, $2) on conflict (stream_id) do update set total = totals.total + excluded.total");
                    upsert.Parameters.Add(new() { Value = e.StreamId });
                    upsert.Parameters.Add(new() { Value = inc.By });
                    await upsert.ExecuteNonQueryAsync(ct);
                }
            }
        }

        public async Task Reset(ProjectionContext context, CancellationToken ct)
        {
            await using var truncate = context.Command($"truncate {context.Schema}.totals");
            await truncate.ExecuteNonQueryAsync(ct);
        }
    }
}

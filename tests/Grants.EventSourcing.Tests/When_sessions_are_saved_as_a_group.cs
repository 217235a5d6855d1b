using Npgsql;

namespace Grants.EventSourcing.Tests;

public sealed class When_sessions_are_saved_as_a_group
{
    [Fact]
    public async Task Should_let_each_session_build_on_what_the_ones_before_it_appended()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        var group = scope.Store.OpenGroup();
        for (var i = 1; i <= 3; i++)
        {
            var session = group.OpenSession(new EventMetadata(Guid.NewGuid(), UserId: $"message-{i}"));
            session.MarkProcessed(Guid.NewGuid(), "counter-consumer");
            var counter = await session.FetchForWriting<Counter>(id, CancellationToken.None);
            Assert.Equal(i - 1, counter.Version);
            Assert.Equal(i - 1, counter.State.Total);
            if (counter.Version == 0)
            {
                session.StartStream(id, "counter", new Incremented(1));
            }
            else
            {
                session.Append(id, counter.Version, new Incremented(1));
            }
        }

        var stored = await group.SaveChanges(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.Version));
        Assert.Equal(["message-1", "message-2", "message-3"], stored.Select(e => e.Metadata.UserId));
        Assert.Equal(3, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    [Fact]
    public async Task Should_write_nothing_when_one_of_them_was_handled_before()
    {
        await using var scope = await StoreScope.Create();
        await using (var create = scope.DataSource.CreateCommand($"create table {scope.Schema}.positions (n int not null)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var handled = Guid.NewGuid();
        var first = scope.Store.OpenSession(new EventMetadata());
        first.MarkProcessed(handled, "counter-consumer");
        await first.SaveChanges(CancellationToken.None);

        var group = scope.Store.OpenGroup();
        var fresh = group.OpenSession(new EventMetadata());
        fresh.MarkProcessed(Guid.NewGuid(), "counter-consumer");
        fresh.StartStream(Guid.NewGuid(), "counter", new Incremented(5));
        var again = group.OpenSession(new EventMetadata());
        again.MarkProcessed(handled, "counter-consumer");
        group.Also(new NpgsqlBatchCommand($"insert into {scope.Schema}.positions values (1)"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => group.SaveChanges(CancellationToken.None));

        Assert.Equal("inbox_pkey", error.ConstraintName);
        await using var count = scope.DataSource.CreateCommand(
            $"select (select count(*) from {scope.Schema}.events) + (select count(*) from {scope.Schema}.positions), (select count(*) from {scope.Schema}.inbox)");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.Equal(1L, reader.GetInt64(1));
    }
}

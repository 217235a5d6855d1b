using Grants.Testing;
using Npgsql;

namespace Grants.EventSourcing.Tests;

/// <summary>An event store in a schema of its own on the shared test server.</summary>
public sealed class StoreScope : IAsyncDisposable
{
    private readonly TestSchema _schema;

    private StoreScope(TestSchema schema, EventStore store)
    {
        _schema = schema;
        Store = store;
    }

    public EventStore Store { get; }

    public NpgsqlDataSource DataSource => _schema.DataSource;

    public string Schema => _schema.Name;

    public static async Task<StoreScope> Create(TimeProvider? time = null, Action<EventStoreOptions>? configure = null)
    {
        var schema = await TestPostgres.NewSchema();
        var options = Counter.Options(schema.Name);
        configure?.Invoke(options);
        var store = new EventStore(schema.DataSource, options, time);
        await store.EnsureSchema(CancellationToken.None);
        return new StoreScope(schema, store);
    }

    /// <summary>Another store over the same schema, e.g. with different projections or type mappings.</summary>
    public EventStore StoreWith(Action<EventStoreOptions> configure, TimeProvider? time = null)
    {
        var options = Counter.Options(Schema);
        configure(options);
        return new EventStore(DataSource, options, time);
    }

    public async Task<IReadOnlyList<StoredEvent>> Append(Guid streamId, long expectedVersion, params object[] events)
    {
        var session = Store.OpenSession(new EventMetadata(Guid.NewGuid(), null, "tester", "officer", null, "test"));
        if (expectedVersion == 0)
        {
            session.StartStream(streamId, "counter", events);
        }
        else
        {
            session.Append(streamId, expectedVersion, events);
        }

        return await session.SaveChanges(CancellationToken.None);
    }

    /// <summary>
    /// The log horizon is cluster-wide: a transaction another test holds open delays what this one
    /// may read, so reads that expect events wait for them (bounded) instead of reading once.
    /// </summary>
    public async Task<List<StoredEvent>> ReadLogUntil(LogPosition after, int count, int pageSize = 1000)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var read = new List<StoredEvent>();
            await foreach (var e in Store.ReadLogFrom(after, pageSize))
            {
                read.Add(e);
            }

            if (read.Count >= count || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(50);
        }
    }

    public async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> Execute(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> QueryRow<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the query returned no row");
        return read(reader);
    }

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    private NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = DataSource.CreateCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal));
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return command;
    }
}

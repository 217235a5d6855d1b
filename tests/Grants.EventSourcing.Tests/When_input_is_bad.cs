namespace Grants.EventSourcing.Tests;

public sealed class When_input_is_bad
{
    [Fact]
    public async Task Should_refuse_an_append_to_a_stream_that_does_not_exist()
    {
        await using var scope = await StoreScope.Create();
        var missing = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<StreamNotFoundException>(() => scope.Append(missing, 3, new Incremented(1)));

        Assert.Equal(missing, error.StreamId);
        Assert.Equal("stream.not_found", error.Code);
        await Assert.ThrowsAsync<StreamNotFoundException>(() => scope.Store.AggregateStream<Counter>(missing));
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.events"));
    }

    [Fact]
    public async Task Should_refuse_a_wrong_expected_version_with_the_actual_one()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1), new Incremented(2));

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => scope.Append(id, 1, new Incremented(3)));

        Assert.Equal((1L, 2L), (error.ExpectedVersion, error.ActualVersion));
        Assert.Equal(3, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    [Fact]
    public async Task Should_refuse_to_start_a_stream_twice()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1));

        await Assert.ThrowsAsync<StreamAlreadyExistsException>(() => scope.Append(id, 0, new Incremented(1)));
        Assert.Equal(1L, await scope.Scalar<long>("select count(*) from {s}.events"));
    }

    [Fact]
    public async Task Should_refuse_an_event_over_the_size_limit_before_writing_anything()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<EventTooLargeException>(() =>
            scope.Append(id, 0, new Incremented(1), new Renamed(new string('x', EventStoreOptions.DefaultMaxEventBytes))));

        Assert.True(error.SizeBytes > error.LimitBytes);
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.streams"));
    }

    [Fact]
    public async Task Should_refuse_an_unregistered_event_type_on_write_and_name_it_on_read()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<UnknownEventTypeException>(() => scope.Append(id, 0, new Unregistered()));
        await scope.Append(id, 0, new Incremented(1), new Renamed("kept"));

        var options = new EventStoreOptions { Schema = scope.Schema };
        options.Types.Register<Incremented>("counter.incremented");
        var forgetful = new EventStore(scope.DataSource, options);
        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => forgetful.AggregateStream<Counter>(id));

        Assert.Equal("counter.renamed", error.TypeName);
        Assert.Contains("counter.renamed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_old_events_into_a_renamed_class_through_the_stable_name()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(4, "before the rename"));

        var after = new EventStoreOptions { Schema = scope.Schema };
        after.Types.Register<CounterRaised>("counter.incremented");
        var stored = new List<StoredEvent>();
        await foreach (var e in new EventStore(scope.DataSource, after).ReadStream(id))
        {
            stored.Add(e);
        }

        Assert.Equal(new CounterRaised(4, "before the rename"), Assert.Single(stored).Data);
    }

    [Fact]
    public async Task Should_fail_cleanly_and_write_nothing_when_the_database_goes_away_mid_append()
    {
        var victim = new KillingProjection();
        await using var scope = await StoreScope.Create();
        var dying = scope.StoreWith(o => o.InlineProjections.Add(victim));
        var id = Guid.NewGuid();
        var session = dying.OpenSession(new());
        session.StartStream(id, "counter", new Incremented(1), new Incremented(2));

        var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => session.SaveChanges(CancellationToken.None));

        Assert.Equal("store.unavailable", error.Code);
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.events"));
        Assert.Equal(0L, await scope.Scalar<long>("select count(*) from {s}.streams"));
        await scope.Append(id, 0, new Incremented(7));
        Assert.Equal(7, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    [Fact]
    public async Task Should_apply_a_duplicate_message_only_once()
    {
        await using var scope = await StoreScope.Create();
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await scope.Append(id, 0, new Incremented(1));

        var first = scope.Store.OpenSession(new(CausationId: messageId, Source: "consumer"));
        first.MarkProcessed(messageId, "counting");
        first.Append(id, 1, new Incremented(10));
        await first.SaveChanges(CancellationToken.None);

        var again = scope.Store.OpenSession(new(CausationId: messageId, Source: "consumer"));
        again.MarkProcessed(messageId, "counting");
        again.Append(id, 2, new Incremented(10));
        var error = await Assert.ThrowsAsync<DuplicateMessageException>(() => again.SaveChanges(CancellationToken.None));

        Assert.Equal((messageId, "counting"), (error.MessageId, error.Consumer));
        Assert.True(await scope.Store.HasProcessed(messageId, "counting", CancellationToken.None));
        Assert.False(await scope.Store.HasProcessed(messageId, "another-consumer", CancellationToken.None));
        Assert.Equal(11, (await scope.Store.AggregateStream<Counter>(id)).State.Total);
    }

    private sealed record Unregistered;

    private sealed record CounterRaised(int By, string? Note);

    /// <summary>Kills its own connection from outside, after the events were inserted but before the commit.</summary>
    private sealed class KillingProjection : IProjection
    {
        public string Name => "killing";

        public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
        {
            var pid = context.Connection.ProcessID;
            await using var killer = new Npgsql.NpgsqlConnection(context.Connection.ConnectionString);
            await killer.OpenAsync(ct);
            await using var kill = new Npgsql.NpgsqlCommand("select pg_terminate_backend($1)", killer);
            kill.Parameters.Add(new() { Value = pid });
            await kill.ExecuteScalarAsync(ct);
        }

        public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}

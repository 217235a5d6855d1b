using System.Net.Http.Headers;
using Grants.EventSourcing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Review.Tests.Api;

/// <summary>
/// The Review service booted in-process against its own schema and virtual host on the shared test
/// servers, with a clock the tests move; shared by the API tests, each of which works on calls and
/// applications of its own.
/// </summary>
public sealed class ReviewHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public EventStore Store => Services.GetRequiredService<EventStore>();

    public TestSchema Schema => _schema ?? throw new InvalidOperationException("The host is not initialized.");

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        await Services.UntilReady("the Review service");
    }

    public HttpClient As(string role, string user, Guid? organisation = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, user, organisation));
        return client;
    }

    /// <summary>Publishes as another service would; the message's id is what the inbox deduplicates on.</summary>
    public Task Publish<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Appends events as if they had happened, for tests that start from a given history.</summary>
    public async Task Given(Guid streamId, string streamType, params object[] events)
    {
        var session = Store.OpenSession(new EventMetadata(streamId, Source: "test"));
        var current = await session.FetchForWriting<Calls.CallReview>(streamId, CancellationToken.None);
        if (current.Version == 0)
        {
            session.StartStream(streamId, streamType, events);
        }
        else
        {
            session.Append(streamId, current.Version, events);
        }

        await session.SaveChanges(CancellationToken.None);
    }

    /// <summary>Folds a stream until it satisfies the condition, as consumers get to it.</summary>
    public async Task<TState> Eventually<TState>(Guid streamId, Func<TState, bool> condition, int seconds = 30)
        where TState : IEventSourced<TState>
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var state = TState.Initial;
            try
            {
                state = (await Store.AggregateStream<TState>(streamId)).State;
            }
            catch (StreamNotFoundException)
            {
            }

            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"stream {streamId} did not reach the expected state within {seconds} s");
            await Task.Delay(100);
        }
    }

    public Task<long> Count(string sql, params object[] parameters) => Schema.Scalar<long>(sql, parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestServers(Schema, _virtualHost!.Amqp);

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReviewApi : ICollectionFixture<ReviewHost>
{
    public const string Name = "review api";
}

extern alias applications;
extern alias payments;
extern alias review;

using System.Collections.Concurrent;
using Grants.Testing;

namespace Grants.Lifecycle.Tests;

/// <summary>
/// The three services on real PostgreSQL and RabbitMQ, and the demo's scenario run against them once;
/// the tests then check its outcome and the invariants through the same public APIs (and the stores).
/// </summary>
public sealed class LifecycleRun : IAsyncLifetime
{
    private TestVirtualHost? _virtualHost;

    public ServiceUnderTest<applications::Program> Applications { get; private set; } = null!;

    public ServiceUnderTest<review::Program> Review { get; private set; } = null!;

    public ServiceUnderTest<payments::Program> Payments { get; private set; } = null!;

    public SystemApi Api { get; private set; } = null!;

    public LifecycleScenario Scenario { get; private set; } = null!;

    public DemoResult Result { get; private set; } = null!;

    public ConcurrentQueue<string> Progress { get; } = new();

    public DateTimeOffset Started { get; private set; }

    public async Task InitializeAsync()
    {
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        Applications = new("applications", await TestPostgres.NewSchema(), _virtualHost.Amqp);
        Review = new("review", await TestPostgres.NewSchema(), _virtualHost.Amqp);
        Payments = new("payments", await TestPostgres.NewSchema(), _virtualHost.Amqp);
        Api = new SystemApi(await Applications.Api(), await Review.Api(), await Payments.Api(), TimeSpan.FromSeconds(90));
        Scenario = new LifecycleScenario(Api, Progress.Enqueue, new DemoOptions { SubmissionWindow = TimeSpan.FromSeconds(40) });
        Started = DateTimeOffset.UtcNow;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        Result = await Scenario.Run(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        // A run that failed to start may have no service yet.
        foreach (var service in new IAsyncDisposable?[] { Applications, Review, Payments })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}

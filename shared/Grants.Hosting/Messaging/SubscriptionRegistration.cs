using Grants.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grants.Hosting.Messaging;

public static class SubscriptionRegistration
{
    /// <summary>
    /// Runs a projection through a subscription for the life of the service. Not AddHostedService:
    /// it keeps one registration per implementation type, so a second worker would be silently dropped.
    /// </summary>
    public static IServiceCollection AddSubscription(this IServiceCollection services, Func<IServiceProvider, IProjection> projection, int batchSize = 500) =>
        services.AddSingleton<IHostedService>(sp => new SubscriptionWorker(
            new Subscription(sp.GetRequiredService<EventStore>(), projection(sp), batchSize),
            sp.GetRequiredService<SchemaReadiness>(),
            sp.GetRequiredService<ILogger<SubscriptionWorker>>()));
}

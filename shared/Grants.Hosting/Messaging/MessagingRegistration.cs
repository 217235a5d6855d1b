using Grants.EventSourcing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grants.Hosting.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ with publisher confirms and quorum queues, the consumers the service
    /// declares, and the outbox relay that publishes its mapped events.
    /// </summary>
    public static IServiceCollection AddGrantsMessaging(this IServiceCollection services, ServiceSettings settings, GrantsMessaging messaging)
    {
        services.AddSingleton(messaging);
        services.AddSingleton(messaging.Map);

        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(messaging.EndpointNames);
            foreach (var consumer in messaging.Consumers)
            {
                consumer(x);
            }

            x.UsingRabbitMq((context, bus) =>
            {
                bus.Host(settings.RabbitMq, host =>
                {
                    host.PublisherConfirmation = true;
                    host.Heartbeat(TimeSpan.FromSeconds(10));
                });
                bus.PrefetchCount = MessagingSettings.PartitionMessagesInFlight;
                // Contracts share a base record for their envelope; it is not a message of its own.
                bus.Publish<Grants.Contracts.IntegrationEvent>(p => p.Exclude = true);
                foreach (var contract in messaging.Contracts)
                {
                    contract(bus);
                }

                foreach (var endpoint in messaging.Endpoints)
                {
                    endpoint(bus, context);
                }

                bus.ConfigureEndpoints(context);
            });
        });

        services.AddSingleton(MessagingTables.Migrations);
        services.AddSingleton<PartitionSequencers>();
        services.AddSingleton<OutboxRelay>();
        services.AddSubscription(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queues", HealthStatus.Degraded, ["ready"]);
        return services;
    }
}

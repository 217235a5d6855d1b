using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Quartz;

namespace Grants.Hosting.Scheduling;

public static class SchedulingServices
{
    /// <summary>
    /// A clustered Quartz scheduler over the service's <see cref="NpgsqlDataSource"/>, its tables in the
    /// service's schema, started once they are in place, and part of readiness.
    /// </summary>
    public static IServiceCollection AddGrantsScheduler(this IServiceCollection services, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton<ScheduledCommandTypes>();
        services.AddSingleton<ICommandScheduler, QuartzCommandScheduler>();
        services.AddSingleton<SchedulerReadiness>();
        services.AddHostedService<SchedulerStartup>();
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, ["ready"]);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = settings.SchedulerName;
                scheduler.IdleWaitTime = settings.IdleWaitTime;
                if (settings.InstanceId is { } instanceId)
                {
                    scheduler.InstanceId = instanceId;
                }
            });
            quartz.AddJobType<SendScheduledCommand>();
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(database => database.DataSourceFactory = provider => provider.GetRequiredService<NpgsqlDataSource>());
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = SchedulerTables.Prefix(settings.Schema);
                    options.AcceptEnlistedTransactions = true;
                });
            });
        });
        return services;
    }

    /// <summary>Lets <typeparamref name="TCommand"/> be scheduled, stored under <paramref name="name"/>, and sent to <typeparamref name="THandler"/>.</summary>
    public static IServiceCollection AddScheduledCommand<TCommand, THandler>(this IServiceCollection services, string name)
        where TCommand : notnull
        where THandler : class, IScheduledCommandHandler<TCommand>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddScoped<IScheduledCommandHandler<TCommand>, THandler>();
        services.AddSingleton(ScheduledCommandType.Of<TCommand>(name));
        return services;
    }
}

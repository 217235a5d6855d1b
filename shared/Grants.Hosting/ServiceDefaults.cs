using Grants.EventSourcing;
using Grants.Hosting.Audit;
using Grants.Hosting.Http;
using Grants.Hosting.Messaging;
using Grants.Hosting.Scheduling;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Grants.Hosting;

/// <summary>The wiring every Grants service shares: configuration, event store, health, errors, OpenAPI, security.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddGrantsService(
        this WebApplicationBuilder builder, string serviceName, Action<GrantsService>? configure = null)
    {
        var settings = ServiceSettings.From(builder.Configuration, serviceName);
        var service = new GrantsService(new EventStoreOptions { Schema = settings.Schema }, GrantsMessaging.For(serviceName));
        configure?.Invoke(service);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGrantsSecurity();
        // No DISCARD ALL when a connection returns to the pool: it would throw away the append
        // function's cached plans, and the services keep no session state to reset.
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.Postgres)
        {
            Name = serviceName,
            ConnectionStringBuilder = { NoResetOnClose = true },
        }.Build());
        builder.Services.AddSingleton(service.Store);
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<SchemaReadiness>();
        builder.Services.AddHostedService<SchemaMigration>();
        builder.Services.AddGrantsMessaging(settings, service.Messaging);
        builder.Services.AddGrantsAudit(service.Audit);
        builder.Services.AddGrantsScheduler(new SchedulerSettings($"grants-{serviceName}", settings.Schema));

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", HealthStatus.Unhealthy, ["ready"])
            .AddCheck<RabbitMqHealthCheck>("rabbitmq", HealthStatus.Unhealthy, ["ready"]);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreExceptionHandler>();
        builder.Services.AddApiConventions();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"Grants {serviceName} API";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapGrantsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiConventions();
        app.UseGrantsSecurity();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.Write,
        }).AllowAnonymous();
        app.MapGrantsAudit();
        return app;
    }
}

using Grants.Contracts.Applications;
using Grants.Contracts.Organisations;
using Grants.EventSourcing;
using Grants.Hosting;
using Grants.Hosting.Messaging;
using Grants.Hosting.Scheduling;
using Grants.Payments.Sanctions.Lists;
using Grants.Payments.Sanctions.Screening;

namespace Grants.Payments.Sanctions;

/// <summary>The sanctions screening slice: its events, read model and consumers, its services and its endpoints.</summary>
public static class SanctionsSetup
{
    /// <summary>Declares the slice's events, inline read model and consumers; call inside AddGrantsService's configure.</summary>
    public static GrantsService AddSanctions(this GrantsService service)
    {
        service.Store.Types
            .Register<SanctionsListImported>("sanctions.list_imported")
            .Register<ScreeningSubjectRecorded>("sanctions.subject_recorded")
            .Register<PartnersRecorded>("sanctions.partners_recorded")
            .Register<OrganisationScreened>("sanctions.organisation_screened")
            .Register<SanctionsHitDismissed>("sanctions.hit_dismissed")
            .Register<SanctionsHitConfirmed>("sanctions.hit_confirmed");
        service.Audit.State<SanctionsList>(SanctionsList.StreamType).State<ScreeningSubject>(ScreeningSubject.StreamType);
        service.Store.InlineProjections.Add(new ScreeningReadModel());
        service.Messaging
            .Consume<ScreenRegisteredOrganisation, OrganisationRegistered>()
            .Consume<ScreenUpdatedOrganisation, OrganisationUpdated>()
            .Consume<ScreenApplicationPartners, ApplicationSubmitted>();
        return service;
    }

    /// <summary>The slice's services: list import and refresh, screening (as <see cref="IPaymentScreening"/>), the rescreen after each import.</summary>
    public static WebApplicationBuilder AddSanctions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read from the built configuration, so every source (test hosts' included) has its say.
        services.AddSingleton(sp => SanctionsSettings.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(SanctionsTables.Migrations);
        services.AddSingleton<ListFiles>();
        services.AddSingleton<CurrentLists>();
        services.AddSingleton<ListImport>();
        services.AddSingleton<OrganisationScreening>();
        services.AddSingleton<IPaymentScreening>(sp => sp.GetRequiredService<OrganisationScreening>());
        services.AddSingleton<RescreenOnImport>();
        services.AddSubscription(sp => sp.GetRequiredService<RescreenOnImport>(), batchSize: 100);
        services.AddHttpClient(ListRefresh.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(5));
        services.AddScoped<ListRefresh>();
        services.AddScheduledCommand<RefreshLists, ListRefresh>(ListRefresh.CommandName);
        services.AddHostedService<ListRefreshStartup>();
        return builder;
    }

    public static WebApplication MapSanctions(this WebApplication app)
    {
        app.MapSanctionsLists(app.Services.GetRequiredService<SanctionsSettings>());
        app.MapSanctionsScreening();
        return app;
    }
}

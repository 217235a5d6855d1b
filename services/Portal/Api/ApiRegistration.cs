namespace Grants.Portal.Api;

public static class ApiRegistration
{
    public static IServiceCollection AddPortalApis(this IServiceCollection services, PortalSettings settings)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<UserTokens>();
        services.AddTransient<UserTokenHandler>();
        services.AddHttpClient<ApplicationsApi>(c => Configure(c, settings.Applications)).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<ReviewApi>(c => Configure(c, settings.Review)).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<PaymentsApi>(c => Configure(c, settings.Payments)).AddHttpMessageHandler<UserTokenHandler>();
        return services;
    }

    private static void Configure(HttpClient client, Uri baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = TimeSpan.FromSeconds(30);
    }
}

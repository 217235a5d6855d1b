using Grants.Portal.Pages;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Grants.Portal;

/// <summary>The portal's wiring: accounts in PostgreSQL, cookie sessions, Razor Pages per role, and the three APIs called as the signed-in user.</summary>
public static class PortalHost
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var settings = PortalSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.Postgres) { Name = "portal" }.Build());
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<SchemaReady>();
        builder.Services.AddHostedService<AccountSetup>();
        builder.Services.AddHealthChecks().AddCheck<SchemaReady>("postgres", tags: ["ready"]);

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Cookie.Name = "grants.portal";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.AddAuthorization(PortalPolicies.Add);
        builder.Services.AddRazorPages(options => PortalPolicies.Protect(options.Conventions))
            .AddMvcOptions(options =>
            {
                options.Filters.Add<ApiProblemFilter>();
                var form = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory>().Single();
                options.ValueProviderFactories[options.ValueProviderFactories.IndexOf(form)] = new InvariantFormValues();
            });
        builder.Services.AddPortalApis(settings);
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            // Words follow the language; dates and amounts are written as in Belgium (the picker sets fr-BE and nl-BE),
            // or as a browser that asks for plain French or Dutch writes them.
            options.SetDefaultCulture("en")
                .AddSupportedCultures("en", "fr-BE", "nl-BE", "fr", "nl")
                .AddSupportedUICultures(Languages.Supported.Select(l => l.Code).ToArray());
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        return app;
    }
}

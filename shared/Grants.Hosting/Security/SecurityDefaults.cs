using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Hosting.Security;

/// <summary>Bearer authentication, the role policies, and a fallback that lets no endpoint go without a token.</summary>
public static class SecurityDefaults
{
    public static WebApplicationBuilder AddGrantsSecurity(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.Authority is null)
        {
            builder.Services.AddSingleton<ISigningKeys>(FileSigningKeys.Load(settings.SigningKeyFile!));
        }
        else
        {
            builder.Services.AddHttpClient(OidcSigningKeys.HttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
            builder.Services.AddSingleton<ISigningKeys, OidcSigningKeys>();
        }

        builder.Services.AddAuthentication(BearerHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerHandler.SchemeName, null);
        builder.Services.AddAuthorization(GrantsPolicies.Add);
        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<BearerSecurityScheme>());
        return builder;
    }

    public static WebApplication UseGrantsSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

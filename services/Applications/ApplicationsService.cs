using System.Text.Json.Serialization;

namespace Grants.Applications;

public static class ApplicationsService
{
    /// <summary>What every slice of this service shares: enums as names in JSON, every rule violation reported together.</summary>
    public static WebApplicationBuilder AddApplicationsService(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddExceptionHandler<RulesViolatedHandler>();
        return builder;
    }
}

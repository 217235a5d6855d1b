using Microsoft.AspNetCore.Hosting;

namespace Grants.Testing;

/// <summary>What every in-process service host of the tests sets: its schema, its virtual host, quiet logs, the test tokens.</summary>
public static class ServiceHostSettings
{
    public static IWebHostBuilder UseTestServers(this IWebHostBuilder builder, TestSchema schema, Uri rabbitMq)
    {
        builder.UseSetting("ConnectionStrings:Postgres", schema.ConnectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", rabbitMq.ToString());
        builder.UseSetting("Grants:Schema", schema.Name);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}

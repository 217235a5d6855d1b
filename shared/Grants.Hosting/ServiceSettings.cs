using Microsoft.Extensions.Configuration;

namespace Grants.Hosting;

/// <summary>What a service must be told to start; missing settings stop it at once with the key to set.</summary>
public sealed record ServiceSettings(string ServiceName, string Postgres, Uri RabbitMq, string Schema)
{
    public static ServiceSettings From(IConfiguration configuration, string serviceName)
    {
        var postgres = Required(configuration, "ConnectionStrings:Postgres");
        var rabbit = Required(configuration, "ConnectionStrings:RabbitMq");
        if (!Uri.TryCreate(rabbit, UriKind.Absolute, out var rabbitUri) || rabbitUri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:RabbitMq must be an amqp:// URI, not '{rabbit}'.");
        }

        return new ServiceSettings(serviceName, postgres, rabbitUri, configuration["Grants:Schema"] ?? serviceName);
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Configuration '{key}' is missing; set it in appsettings or as the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}.");
}

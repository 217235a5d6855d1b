namespace Grants.Portal;

/// <summary>What the portal must be told to start; a missing setting stops it at once with the key to set.</summary>
public sealed record PortalSettings(
    string Postgres, string Schema, string SigningKeyFile, string Issuer, string Audience,
    Uri Applications, Uri Review, Uri Payments, string? DemoAccountsFile)
{
    public static PortalSettings From(IConfiguration configuration) => new(
        Required(configuration, "ConnectionStrings:Postgres"),
        configuration["Grants:Schema"] ?? "portal",
        Required(configuration, "Auth:SigningKeyFile"),
        Required(configuration, "Auth:Issuer"),
        Required(configuration, "Auth:Audience"),
        Url(configuration, "Services:Applications"),
        Url(configuration, "Services:Review"),
        Url(configuration, "Services:Payments"),
        configuration["Portal:DemoAccountsFile"] is { Length: > 0 } file ? file : null);

    private static Uri Url(IConfiguration configuration, string key)
    {
        var text = Required(configuration, key);
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"Configuration '{key}' must be an http(s) URL, not '{text}'.");
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Configuration '{key}' is missing; set it in appsettings or as the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}.");
}

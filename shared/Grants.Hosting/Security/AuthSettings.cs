using Microsoft.Extensions.Configuration;

namespace Grants.Hosting.Security;

/// <summary>
/// The <c>Auth</c> configuration section: who issues tokens, for whom, and where their keys come from,
/// either an OIDC authority (production) or a local PEM file (development and tests), never both.
/// </summary>
internal sealed record AuthSettings(string Issuer, string Audience, Uri? Authority, string? SigningKeyFile)
{
    public const string Section = "Auth";

    public static AuthSettings From(IConfiguration configuration)
    {
        var authority = Optional(configuration, "Authority");
        var keyFile = Optional(configuration, "SigningKeyFile");
        if (authority is null == keyFile is null)
        {
            throw new InvalidOperationException(authority is null
                ? $"Token signing keys are not configured: set {Key("Authority")} (OIDC, production) or {Key("SigningKeyFile")} (a PEM RSA key, development)."
                : $"Set only one of {Key("Authority")} and {Key("SigningKeyFile")}, not both.");
        }

        return new AuthSettings(Required(configuration, "Issuer"), Required(configuration, "Audience"), AuthorityUri(authority), keyFile);
    }

    private static Uri? AuthorityUri(string? authority)
    {
        if (authority is null)
        {
            return null;
        }

        // Keys fetched over plain HTTP could be swapped on the way; only a loopback test server may use it.
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException($"{Key("Authority")} must be an https:// URI (http:// only on loopback), not '{authority}'.");
        }

        return uri;
    }

    private static string? Optional(IConfiguration configuration, string name) =>
        configuration[$"{Section}:{name}"] is { Length: > 0 } value ? value : null;

    private static string Required(IConfiguration configuration, string name) =>
        Optional(configuration, name)
        ?? throw new InvalidOperationException($"Configuration {Key(name)} is missing; set it in appsettings or the environment.");

    private static string Key(string name) => $"'{Section}:{name}' ({Section}__{name})";
}

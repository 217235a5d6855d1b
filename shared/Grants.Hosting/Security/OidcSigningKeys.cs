using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Grants.Hosting.Security;

/// <summary>
/// The signing keys an OIDC authority publishes: its discovery document names a JWKS, whose keys
/// are cached and fetched again when old, or sooner when a token names a key we do not hold.
/// </summary>
internal sealed partial class OidcSigningKeys(
    IHttpClientFactory clients,
    AuthSettings settings,
    TimeProvider time,
    ILogger<OidcSigningKeys> logger) : ISigningKeys, IDisposable
{
    public const string HttpClient = "grants-oidc";

    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(12);

    // Anyone can send a token with a made-up key id; without a gap each would cost the authority a fetch.
    public static readonly TimeSpan RefreshGap = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan RetryGap = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset _nextRefresh = DateTimeOffset.MinValue;

    /// <summary>The cached keys, fetched first if there are none or they are old; empty when the authority cannot be reached.</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> Current(CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot) is { } keys)
        {
            return keys;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_snapshot) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var now = time.GetUtcNow();
            if (now >= _nextAttempt && !await TryFetch(cancellationToken))
            {
                _nextAttempt = now + RetryGap;
            }

            // Stale keys beat none while the authority is away: the old keys are most likely still the ones in use.
            return _snapshot?.Keys ?? [];
        }
        finally
        {
            _fetching.Release();
        }
    }

    public async ValueTask<bool> Refresh(CancellationToken cancellationToken)
    {
        var seen = _snapshot;
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(seen, _snapshot))
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (now < _nextRefresh)
            {
                return false;
            }

            _nextRefresh = now + RefreshGap;
            return await TryFetch(cancellationToken);
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private IReadOnlyList<SecurityKey>? Fresh(Snapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.FetchedAt < MaximumAge ? snapshot.Keys : null;

    private async Task<bool> TryFetch(CancellationToken cancellationToken)
    {
        var discovery = new Uri(settings.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
        try
        {
            using var client = clients.CreateClient(HttpClient);
            var jwksUri = await JwksUri(client, discovery, cancellationToken);
            var keys = new JsonWebKeySet(await client.GetStringAsync(jwksUri, cancellationToken)).GetSigningKeys();
            if (keys.Count == 0)
            {
                throw new InvalidOperationException($"{jwksUri} holds no usable signing key.");
            }

            _snapshot = new Snapshot([.. keys], time.GetUtcNow());
            LogFetched(logger, keys.Count, jwksUri);
            return true;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested
            && error is HttpRequestException or TaskCanceledException or JsonException or ArgumentException or InvalidOperationException)
        {
            LogFetchFailed(logger, discovery, error.Message);
            return false;
        }
    }

    private static async Task<Uri> JwksUri(HttpClient client, Uri discovery, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(discovery, cancellationToken));
        if (!document.RootElement.TryGetProperty("jwks_uri", out var value)
            || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var jwks)
            || !(jwks.Scheme == Uri.UriSchemeHttps || (jwks.Scheme == Uri.UriSchemeHttp && jwks.IsLoopback)))
        {
            throw new InvalidOperationException($"{discovery} names no https jwks_uri.");
        }

        return jwks;
    }

    private sealed record Snapshot(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    [LoggerMessage(LogLevel.Information, "Fetched {Count} token signing keys from {JwksUri}.")]
    private static partial void LogFetched(ILogger logger, int count, Uri jwksUri);

    [LoggerMessage(LogLevel.Error, "Token signing keys could not be fetched through {Discovery}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Uri discovery, string reason);
}

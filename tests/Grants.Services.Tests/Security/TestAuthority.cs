using System.Text.Json;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Grants.Services.Tests.Security;

/// <summary>
/// An OIDC authority on a real Kestrel listener (127.0.0.1, a port the OS picks) that publishes a
/// discovery document and the public halves of whichever keys it is told to, counting JWKS fetches.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private const string Realm = "/realms/grants";

    private readonly WebApplication _app;
    private volatile string _jwks = """{"keys":[]}""";
    private int _jwksFetches;

    private TestAuthority(WebApplication app) => _app = app;

    public Uri Authority => new(_app.Urls.Single() + Realm);

    public string Issuer => Authority.AbsoluteUri;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public static async Task<TestAuthority> Start(params LocalSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var authority = new TestAuthority(builder.Build());
        authority.Publish(keys);
        authority._app.MapGet($"{Realm}/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = authority.Issuer,
            ["jwks_uri"] = $"{authority.Authority}/protocol/openid-connect/certs",
        }));
        authority._app.MapGet($"{Realm}/protocol/openid-connect/certs", () =>
        {
            Interlocked.Increment(ref authority._jwksFetches);
            return Results.Text(authority._jwks, "application/json");
        });
        await authority._app.StartAsync();
        return authority;
    }

    /// <summary>From now on the JWKS holds exactly these keys, as after a rotation.</summary>
    public void Publish(params LocalSigningKey[] keys) => _jwks = JsonSerializer.Serialize(new
    {
        keys = keys.Select(key => JsonWebKeyConverter.ConvertFromRSASecurityKey(key.PublicOnly().Key)).Select(jwk => new
        {
            kty = "RSA",
            use = "sig",
            alg = SecurityAlgorithms.RsaSha256,
            kid = jwk.Kid,
            n = jwk.N,
            e = jwk.E,
        }),
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

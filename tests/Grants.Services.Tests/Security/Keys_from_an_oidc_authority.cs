extern alias applications;

using System.Net;
using System.Net.Sockets;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Services.Tests.Security;

public sealed class Keys_from_an_oidc_authority
{
    private static readonly Uri Read = new("/probe/read", UriKind.Relative);

    [Fact]
    public async Task Should_accept_tokens_signed_with_a_published_key_and_fetch_the_keys_once()
    {
        var key = LocalSigningKey.Generate();
        await using var authority = await TestAuthority.Start(key);
        await using var host = await Start(authority.Authority, authority.Issuer);

        Assert.Equal(HttpStatusCode.OK, await Status(host, Token(key, authority)));
        Assert.Equal(HttpStatusCode.OK, await Status(host, Token(key, authority)));
        Assert.Equal(1, authority.JwksFetches);
    }

    [Fact]
    public async Task Should_fetch_the_keys_again_when_a_token_names_a_key_rotated_in_since()
    {
        var (old, rotated) = (LocalSigningKey.Generate(), LocalSigningKey.Generate());
        await using var authority = await TestAuthority.Start(old);
        await using var host = await Start(authority.Authority, authority.Issuer);
        Assert.Equal(HttpStatusCode.OK, await Status(host, Token(old, authority)));

        authority.Publish(old, rotated);

        Assert.Equal(HttpStatusCode.OK, await Status(host, Token(rotated, authority)));
        Assert.Equal(2, authority.JwksFetches);
    }

    [Fact]
    public async Task Should_fetch_again_for_unknown_key_ids_at_most_once_per_five_minutes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (published, unknown) = (LocalSigningKey.Generate(), LocalSigningKey.Generate());
        await using var authority = await TestAuthority.Start(published);
        await using var host = await Start(authority.Authority, authority.Issuer, clock);

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(host, Token(unknown, authority)));
        Assert.Equal(2, authority.JwksFetches);
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(host, Token(unknown, authority)));
        Assert.Equal(2, authority.JwksFetches);

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(host, Token(unknown, authority)));
        Assert.Equal(3, authority.JwksFetches);
    }

    [Fact]
    public async Task Should_keep_using_the_last_keys_while_the_authority_is_away()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var key = LocalSigningKey.Generate();
        var authority = await TestAuthority.Start(key);
        await using var host = await Start(authority.Authority, authority.Issuer, clock);
        var token = Token(key, authority);
        Assert.Equal(HttpStatusCode.OK, await Status(host, token));

        await authority.DisposeAsync();
        clock.Advance(TimeSpan.FromHours(13));

        Assert.Equal(HttpStatusCode.OK, await Status(host, token));
    }

    [Fact]
    public async Task Should_answer_401_while_the_authority_has_never_been_reached()
    {
        var authority = new Uri($"http://127.0.0.1:{ClosedPort()}/realms/grants");
        await using var host = await Start(authority, authority.AbsoluteUri);
        using var client = host.CreateClientWith(TestTokens.Sign(TestTokens.Claims(GrantsRoles.Officer) with { Issuer = authority.AbsoluteUri }));

        using var response = await client.GetAsync(Read);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unavailable", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_trust_the_development_key_once_an_authority_is_configured()
    {
        await using var authority = await TestAuthority.Start(LocalSigningKey.Generate());
        await using var host = await Start(authority.Authority, authority.Issuer);

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(host, TestTokens.Sign(TestTokens.Claims(GrantsRoles.Officer) with { Issuer = authority.Issuer })));
    }

    private static Task<ServiceHost<applications::Program>> Start(Uri authority, string issuer, TimeProvider? clock = null) =>
        ServiceHost.Start<applications::Program>(configure: builder =>
        {
            PolicyProbe.Install(builder);
            builder.UseSetting("Auth:Issuer", issuer);
            builder.UseSetting("Auth:Authority", authority.AbsoluteUri);
            builder.UseSetting("Auth:SigningKeyFile", "");
            if (clock is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(clock));
            }
        });

    private static string Token(LocalSigningKey key, TestAuthority authority) =>
        key.Sign(TestTokens.Claims(GrantsRoles.Officer) with { Issuer = authority.Issuer });

    private static async Task<HttpStatusCode> Status(ServiceHost<applications::Program> host, string token)
    {
        using var client = host.CreateClientWith(token);
        using var response = await client.GetAsync(Read);
        return response.StatusCode;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Grants.Hosting.Security;
using Microsoft.IdentityModel.Tokens;

namespace Grants.Services.Tests.Security;

public sealed class Bearer_tokens(ProbedHost probed) : IClassFixture<ProbedHost>
{
    private static readonly Uri Read = new("/probe/read", UriKind.Relative);

    [Fact]
    public async Task Should_accept_a_valid_token_and_expose_its_user_and_roles()
    {
        using var client = probed.Host.CreateClient(GrantsRoles.Officer, "alice");

        var caller = await client.GetFromJsonAsync<Caller>(Read);

        Assert.Equal("alice", caller!.User);
        Assert.Equal([GrantsRoles.Officer], caller.Roles);
        Assert.Null(caller.Organisation);
    }

    [Fact]
    public async Task Should_answer_401_and_ask_for_a_bearer_token_when_there_is_none()
    {
        using var client = probed.Host.CreateClient();

        using var response = await client.GetAsync(Read);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Should_ask_for_a_token_even_on_paths_that_do_not_exist()
    {
        using var anonymous = probed.Host.CreateClient();
        using var officer = probed.Host.CreateClient(GrantsRoles.Officer);
        var nowhere = new Uri("/nowhere", UriKind.Relative);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(nowhere)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(nowhere)).StatusCode);
    }

    [Fact]
    public async Task Should_answer_401_for_an_expired_token()
    {
        var now = DateTimeOffset.UtcNow;
        var token = TestTokens.Sign(TestTokens.Claims(GrantsRoles.Officer) with { NotBefore = now.AddMinutes(-20), Expires = now.AddMinutes(-5) });

        await AssertRejected(token, "expired");
    }

    [Fact]
    public async Task Should_answer_401_for_a_token_meant_for_another_audience() =>
        await AssertRejected(TestTokens.Sign(TestTokens.Claims(GrantsRoles.Officer) with { Audience = "another-api" }), "audience");

    [Fact]
    public async Task Should_answer_401_for_a_token_from_another_issuer() =>
        await AssertRejected(TestTokens.Sign(TestTokens.Claims(GrantsRoles.Officer) with { Issuer = "someone-else" }), "issuer");

    [Fact]
    public async Task Should_answer_401_for_a_token_whose_claims_were_changed_after_signing()
    {
        var parts = TestTokens.For(GrantsRoles.Reviewer).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"reviewer\"", "\"approver\"", StringComparison.Ordinal);

        await AssertRejected($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}", "signature");
    }

    [Fact]
    public async Task Should_answer_401_for_a_token_signed_with_another_key() =>
        await AssertRejected(LocalSigningKey.Generate().Sign(TestTokens.Claims(GrantsRoles.Officer)), "signature");

    [Fact]
    public async Task Should_answer_401_for_an_unsigned_token()
    {
        var parts = TestTokens.For(GrantsRoles.Officer).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");

        await AssertRejected($"{header}.{parts[1]}.", "signature");
    }

    [Fact]
    public async Task Should_answer_401_for_something_that_is_not_a_jwt() =>
        await AssertRejected("not-a-token", "not a valid JWT");

    [Fact]
    public async Task Should_answer_401_for_an_applicant_token_without_an_organisation() =>
        await AssertRejected(TestTokens.For(GrantsRoles.Applicant), "organisation");

    [Fact]
    public async Task Should_answer_401_for_a_token_without_a_grants_role() =>
        await AssertRejected(TestTokens.Sign(TestTokens.Claims("janitor")), "role");

    private async Task AssertRejected(string token, string reason)
    {
        using var client = probed.Host.CreateClientWith(token);

        using var response = await client.GetAsync(Read);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, challenge.Parameter, StringComparison.Ordinal);
    }
}

using System.Security.Claims;

namespace Grants.Portal.Api;

/// <summary>
/// Short-lived API tokens for the signed-in person, signed with the key the services trust; a new
/// one per call costs a signature and means no token outlives the five minutes it is good for.
/// </summary>
public sealed class UserTokens(PortalSettings settings, TimeProvider time)
{
    private readonly LocalSigningKey _key = LocalSigningKey.Load(settings.SigningKeyFile);

    public string For(ClaimsPrincipal user)
    {
        var roles = user.FindAll(GrantsClaims.Role).Select(c => c.Value).ToList();
        var organisation = user.FindFirst(GrantsClaims.Organisation)?.Value is { } org ? Guid.Parse(org) : (Guid?)null;
        var now = time.GetUtcNow();
        return _key.Sign(new TokenClaims(
            user.FindFirst(GrantsClaims.User)?.Value ?? throw new InvalidOperationException("Nobody is signed in."),
            roles, organisation, settings.Issuer, settings.Audience, now.AddSeconds(-30), now.AddMinutes(5)));
    }
}

/// <summary>Puts the signed-in person's token on every call the typed API clients make.</summary>
public sealed class UserTokenHandler(IHttpContextAccessor context, UserTokens tokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.User is { Identity.IsAuthenticated: true } user)
        {
            request.Headers.Authorization = new("Bearer", tokens.For(user));
        }

        return base.SendAsync(request, cancellationToken);
    }
}

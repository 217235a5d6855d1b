using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Grants.Hosting.Security;

/// <summary>
/// Accepts <c>Authorization: Bearer</c> JWTs signed with RS256 by the configured issuer for this
/// audience and still within their lifetime, carrying a user, at least one Grants role, and an
/// organisation when the role is applicant.
/// </summary>
internal sealed partial class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ISigningKeys signingKeys,
    AuthSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken() is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var cancellationToken = Context.RequestAborted;
        var keys = await signingKeys.Current(cancellationToken);
        if (keys.Count == 0)
        {
            return Reject("The token signing keys are unavailable.", null);
        }

        var result = await Tokens.ValidateTokenAsync(token, Parameters(keys));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await signingKeys.Refresh(cancellationToken))
        {
            result = await Tokens.ValidateTokenAsync(token, Parameters(await signingKeys.Current(cancellationToken)));
        }

        if (!result.IsValid)
        {
            return Reject(Describe(result.Exception), result.Exception?.Message);
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return MissingClaim(principal) is { } missing
            ? Reject(missing, null)
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, result.Failure is { } failure
            ? $"{SchemeName} error=\"invalid_token\", error_description=\"{failure.Message}\""
            : SchemeName);
    }

    private AuthenticateResult Reject(string reason, string? detail)
    {
        LogRejected(Logger, reason, detail);
        return AuthenticateResult.Fail(reason);
    }

    private string? BearerToken()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith($"{SchemeName} ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[(SchemeName.Length + 1)..].Trim();
        return token.Length > 0 ? token : null;
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = GrantsClaims.User,
        RoleClaimType = GrantsClaims.Role,
        AuthenticationType = SchemeName,
    };

    private static string? MissingClaim(ClaimsPrincipal user)
    {
        if (string.IsNullOrEmpty(user.FindFirstValue(GrantsClaims.User)))
        {
            return $"The token has no '{GrantsClaims.User}' claim.";
        }

        if (!GrantsRoles.All.Any(user.IsInRole))
        {
            return $"The token has no Grants role in its '{GrantsClaims.Role}' claim.";
        }

        return user.IsInRole(GrantsRoles.Applicant) && !Guid.TryParse(user.FindFirstValue(GrantsClaims.Organisation), out _)
            ? $"An applicant token needs the organisation id in its '{GrantsClaims.Organisation}' claim."
            : null;
    }

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The token is not meant for this audience.",
        SecurityTokenInvalidIssuerException => "The token comes from an issuer that is not trusted.",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        _ => "The token is not a valid JWT.",
    };

    [LoggerMessage(LogLevel.Information, "Bearer token rejected: {Reason} {Detail}")]
    private static partial void LogRejected(ILogger logger, string reason, string? detail);
}

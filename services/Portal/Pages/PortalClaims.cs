using System.Security.Claims;

namespace Grants.Portal.Pages;

/// <summary>The claims of a portal session: the same names the API tokens use, so the token is built from them as they are.</summary>
public static class PortalClaims
{
    public const string User = GrantsClaims.User;
    public const string Name = "name";
    public const string Role = GrantsClaims.Role;
    public const string Organisation = GrantsClaims.Organisation;

    public static ClaimsPrincipal For(Account account, string scheme)
    {
        var claims = new List<Claim> { new(User, account.UserName), new(Name, account.DisplayName) };
        claims.AddRange(account.Roles.Select(r => new Claim(Role, r)));
        if (account.OrganisationId is { } organisation)
        {
            claims.Add(new Claim(Organisation, organisation.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Name, Role));
    }

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Organisation)?.Value, out var id) ? id : null;

    public static string UserName(this ClaimsPrincipal user) => user.FindFirst(User)?.Value ?? "";
}

using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages;

/// <summary>The language the person picks, kept in a cookie for a year; dates and amounts follow it.</summary>
public sealed class CultureModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    private static readonly string[] Supported = ["en", "fr", "nl"];

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (Supported.Contains(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

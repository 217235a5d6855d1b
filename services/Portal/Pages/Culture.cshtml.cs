using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages;

/// <summary>The language the person picks, kept in a cookie for a year; the words, dates and amounts follow it.</summary>
public sealed class CultureModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (Languages.Supported.FirstOrDefault(l => l.Code == culture) is { Code: not null } language)
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture, language.Code)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

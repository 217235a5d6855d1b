using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grants.Portal.Pages.Access;

public sealed class SignInModel(AccountStore accounts, IStringLocalizer<Text> T) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("", T["Enter your user name and password."]);
            return Page();
        }

        var (outcome, account) = await accounts.SignIn(UserName.Trim(), Password, ct);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PortalClaims.For(account!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", T["Too many failed sign-ins: this account is locked for {0} minutes.", SignInRules.LockOut.TotalMinutes]);
                return Page();
            default:
                ModelState.AddModelError("", T["The user name or password is not right."]);
                return Page();
        }
    }
}

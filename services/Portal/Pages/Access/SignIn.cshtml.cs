using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Portal.Pages.Access;

public sealed class SignInModel(AccountStore accounts) : PageModel
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
            ModelState.AddModelError("", "Enter your user name and password.");
            return Page();
        }

        var (outcome, account) = await accounts.SignIn(UserName.Trim(), Password, ct);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PortalClaims.For(account!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", $"Too many failed sign-ins: this account is locked for {SignInRules.LockOut.TotalMinutes:0} minutes.");
                return Page();
            default:
                ModelState.AddModelError("", "The user name or password is not right.");
                return Page();
        }
    }
}

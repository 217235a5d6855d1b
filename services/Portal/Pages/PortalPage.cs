using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grants.Portal.Pages;

/// <summary>What every page shares: who is signed in, and a service's refusal shown next to the fields it names.</summary>
public abstract class PortalPage : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The portal's words in the reader's language, for the notices and messages a page sets.</summary>
    protected IStringLocalizer<Text> T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>();

    protected Guid Organisation => User.OrganisationId() ?? throw new InvalidOperationException("This account acts for no organisation.");

    /// <summary>
    /// A form's action: done, the notice and a redirect to <paramref name="next"/>; refused, the
    /// page again, <paramref name="reload"/>ed, with the refusal next to its fields.
    /// </summary>
    protected async Task<IActionResult> Act(Func<Task> action, string done, string next, Func<Task> reload)
    {
        if (await Try(action))
        {
            Notice = done;
            return Redirect(next);
        }

        await reload();
        return Page();
    }

    /// <summary>
    /// Runs a call to a service; a refusal (bad input, a broken rule, a conflict) is added to the
    /// model state under the form's <paramref name="prefix"/>, field by field, and false returned.
    /// </summary>
    protected async Task<bool> Try(Func<Task> call, string prefix = "")
    {
        try
        {
            await call();
            return true;
        }
        catch (ApiException error) when (error.Problem.Status is 400 or 403 or 409 or 412 or 413 or 422 or 428 or 503)
        {
            ModelState.AddModelError("", error.Problem.Status is 409 or 412
                ? $"{error.Problem.Message} {T["Someone changed this in the meantime; reload the page and try again."]}"
                : error.Problem.Message);
            foreach (var (field, messages) in error.Problem.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", $"{field}: {message}");
                }
            }

            return false;
        }
    }
}

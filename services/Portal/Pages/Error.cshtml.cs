using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grants.Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<Text> T) : PageModel
{
    public int Status { get; private set; } = 500;

    public string Heading => Status switch
    {
        404 => T["Not found"],
        403 => T["Not allowed"],
        400 => T["Bad request"],
        _ => T["Something went wrong"],
    };

    public string Explanation => Status switch
    {
        404 => T["There is nothing here, or nothing you may see."],
        403 => T["Your account may not do this."],
        400 => T["The request could not be understood; if you submitted a form, reload the page and try again."],
        _ => T["The portal could not complete the request. Try again in a moment."],
    };

    public void OnGet(int? status) => Status = status ?? 500;

    public void OnPost(int? status) => Status = status ?? 500;
}

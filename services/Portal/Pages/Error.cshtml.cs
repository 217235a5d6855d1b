using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;

    public string Heading => Status switch
    {
        404 => "Not found",
        403 => "Not allowed",
        400 => "Bad request",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        404 => "There is nothing here, or nothing you may see.",
        403 => "Your account may not do this.",
        400 => "The request could not be understood; if you submitted a form, reload the page and try again.",
        _ => "The portal could not complete the request. Try again in a moment.",
    };

    public void OnGet(int? status) => Status = status ?? 500;

    public void OnPost(int? status) => Status = status ?? 500;
}

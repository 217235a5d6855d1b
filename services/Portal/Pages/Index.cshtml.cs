using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Portal.Pages;

/// <summary>Sends each person to where their work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(GrantsRoles.Applicant) ? Redirect("/ngo/applications")
        : User.IsInRole(GrantsRoles.Reviewer) ? Redirect("/reviewer/cases")
        : User.IsInRole(GrantsRoles.Finance) ? Redirect("/finance/tranches")
        : User.IsInRole(GrantsRoles.Officer) || User.IsInRole(GrantsRoles.Approver) || User.IsInRole(GrantsRoles.Auditor) ? Redirect("/staff/calls")
        : Page();
}

using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Ngo;

/// <summary>A call's rules, and the start of a draft for it.</summary>
public sealed class CallModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public string? Title { get; set; }

    public CallView? Call { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => Call = (await applications.Call(id, ct)).Value;

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        Versioned<ApplicationView>? draft = null;
        if (await Try(async () => draft = await applications.DraftApplication(new { CallId = id, Title }, Guid.NewGuid().ToString(), ct)))
        {
            return Redirect($"/ngo/applications/{draft!.Value.Id}/edit");
        }

        Call = (await applications.Call(id, ct)).Value;
        return Page();
    }
}

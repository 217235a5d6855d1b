using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Ngo;

/// <summary>Registers the NGO's organisation, or edits it; a new bank account waits for a second person's verification.</summary>
public sealed class OrganisationModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public OrganisationView? Current { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        await Load(ct);
        if (Current is not null)
        {
            Form = OrganisationForm.Of(Current);
        }
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        var saved = Version == 0
            ? await Try(() => applications.RegisterOrganisation(Form, Guid.NewGuid().ToString(), ct), nameof(Form))
            : await Try(() => applications.UpdateOrganisation(Organisation, Form, Version, ct), nameof(Form));
        if (!saved)
        {
            await Load(ct);
            return Page();
        }

        Notice = T["Your organisation is saved."];
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct)
    {
        try
        {
            var found = await applications.Organisation(Organisation, ct);
            Current = found.Value;
            Version = found.Version;
        }
        catch (ApiException e) when (e.Problem.Status == 404)
        {
            Current = null;
            Version = 0;
        }
    }
}

using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>Organisations whose new bank details wait for a second person; the service refuses whoever entered them.</summary>
public sealed class BankAccountsModel(ApplicationsApi applications) : PortalPage
{
    public IReadOnlyList<OrganisationView> Pending { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPost(Guid organisationId, CancellationToken ct)
    {
        if (await Try(() => applications.VerifyBankAccount(organisationId, ct)))
        {
            Notice = T["The bank account is verified."];
            return RedirectToPage();
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct) => Pending = (await applications.BankAccountChanges(1, ct)).Items;
}

namespace Grants.Portal.Pages.Ngo;

public sealed class ApplicationsModel(ApplicationsApi applications) : PortalPage
{
    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Applications = (await applications.Applications(null, null, 1, ct)).Items;
}

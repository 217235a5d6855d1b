namespace Grants.Portal.Pages.Ngo;

public sealed class CallsModel(ApplicationsApi applications) : PortalPage
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Calls = (await applications.Calls(null, 1, ct)).Items;
}

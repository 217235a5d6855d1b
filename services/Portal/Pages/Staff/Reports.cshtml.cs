namespace Grants.Portal.Pages.Staff;

/// <summary>The reports waiting for an officer's assessment, for one call or across calls.</summary>
public sealed class ReportsModel(ApplicationsApi applications) : PortalPage
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    public Guid? CallId { get; private set; }

    public async Task OnGet(Guid? callId, CancellationToken ct)
    {
        CallId = callId;
        Calls = (await applications.Calls(null, 1, ct)).Items;
        Reports = (await applications.Reports(callId, "Submitted", 1, ct)).Items;
    }

    public string CallOf(Guid callId) => Calls.FirstOrDefault(c => c.Id == callId)?.Reference ?? callId.ToString();
}

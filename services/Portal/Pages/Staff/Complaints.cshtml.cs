using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>
/// Conflict-of-interest complaints on a call's applications, as Review keeps them: an officer records
/// one, which holds the application's funding decision until an approver resolves it.
/// </summary>
public sealed class ComplaintsModel(ApplicationsApi applications, ReviewApi review) : PortalPage
{
    [BindProperty]
    public Guid? ApplicationId { get; set; }

    [BindProperty]
    public string? Complaint { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public Guid? CallId { get; private set; }

    public IReadOnlyList<ComplaintView> Open { get; private set; } = [];

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGet(Guid? callId, CancellationToken ct) => await Load(callId, ct);

    public Task<IActionResult> OnPostRecord(Guid callId, CancellationToken ct) =>
        Act(callId, () => review.Complain(callId, ApplicationId ?? Guid.Empty, Complaint ?? "", Guid.NewGuid().ToString(), ct),
            T["The complaint is recorded; the decision on this application waits for its resolution."], ct);

    public Task<IActionResult> OnPostResolve(Guid callId, Guid complaintId, CancellationToken ct) =>
        Act(callId, () => review.ResolveComplaint(callId, complaintId, Resolution ?? "", ct), T["The complaint is resolved."], ct);

    public string TitleOf(Guid applicationId) => Titles.GetValueOrDefault(applicationId, applicationId.ToString());

    private Task<IActionResult> Act(Guid callId, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/staff/complaints?callId={callId}", () => Load(callId, ct));

    private async Task Load(Guid? callId, CancellationToken ct)
    {
        Calls = (await applications.Calls(null, 1, ct)).Items;
        CallId = callId ?? (Calls.Count > 0 ? Calls[0].Id : null);
        if (CallId is not { } id)
        {
            return;
        }

        try
        {
            Open = await review.Complaints(id, ct);
            Cases = (await review.Cases(id, 1, ct, pageSize: 200)).Items;
        }
        catch (ApiException e) when (e.Problem.Status == 404)
        {
            (Open, Cases) = ([], []);
        }

        Titles = (await applications.Applications(id, null, 1, ct)).Items.ToDictionary(a => a.Id, a => a.Title);
    }
}

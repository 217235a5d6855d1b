namespace Grants.Portal.Pages.Staff;

/// <summary>The cases of a call whose reviewers' scores diverge by 2 or more on a criterion and wait for a consensus record.</summary>
public sealed class ConsensusModel(ApplicationsApi applications, ReviewApi review) : PortalPage
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public IReadOnlyList<CaseSummary> Waiting { get; private set; } = [];

    public Guid? CallId { get; private set; }

    public async Task OnGet(Guid? callId, CancellationToken ct)
    {
        Calls = (await applications.Calls(null, 1, ct)).Items;
        CallId = callId ?? (Calls.Count > 0 ? Calls[0].Id : null);
        if (CallId is { } id)
        {
            try
            {
                Waiting = (await review.Cases(id, 1, ct, pageSize: 200, status: "AwaitingConsensus")).Items;
            }
            catch (ApiException e) when (e.Problem.Status == 404)
            {
                Waiting = [];
            }
        }
    }
}

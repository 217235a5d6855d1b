using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>
/// One call for the Unit: its state and actions, its applications by status, theme and country,
/// the reviewer pool and assignment, and the envelope against what is committed and paid.
/// </summary>
public sealed class CallModel(ApplicationsApi applications, ReviewApi review, PaymentsApi payments) : PortalPage
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ReviewerId { get; set; }

    [BindProperty]
    public string? ReviewerName { get; set; }

    [BindProperty]
    public string? ReviewerThemes { get; set; }

    public CallView? Call { get; private set; }

    public ApplicationCounts? Counts { get; private set; }

    public ReviewCallView? Review { get; private set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public CallLedger? Ledger { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostOpen(Guid id, CancellationToken ct) => Act(id, () => applications.OpenCall(id, ct), T["The call is open."], ct);

    public Task<IActionResult> OnPostClose(Guid id, CancellationToken ct) =>
        Act(id, () => applications.CloseCall(id, Reason ?? "", ct), T["The call is closed for submissions."], ct);

    public Task<IActionResult> OnPostEnlist(Guid id, CancellationToken ct)
    {
        var themes = (ReviewerThemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Act(id, () => review.Enlist(id, ReviewerId ?? "", ReviewerName ?? "", themes, ct), T["{0} is in the pool.", ReviewerName ?? ""], ct);
    }

    public Task<IActionResult> OnPostAssign(Guid id, CancellationToken ct) =>
        Act(id, () => review.AssignAll(id, ct), T["Reviewers are assigned wherever the pool allowed."], ct);

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/staff/calls/{id}", () => Load(id, ct));

    /// <summary>Five reads, at once: the page waits for the slowest, not for their sum.</summary>
    private async Task Load(Guid id, CancellationToken ct)
    {
        var call = applications.Call(id, ct);
        var counts = applications.Counts(id, ct);
        var reviewCall = Optional(async () => (await review.Call(id, ct)).Value);
        var cases = Optional(() => review.Cases(id, 1, ct));
        var ledger = Optional(() => payments.Ledger(id, ct));
        await Task.WhenAll(call, counts, reviewCall, cases, ledger);
        Call = (await call).Value;
        Counts = await counts;
        Review = await reviewCall;
        Cases = (await cases)?.Items ?? [];
        Ledger = await ledger;
    }

    /// <summary>The other services learn of a call from the bus: until they have, they know nothing of it.</summary>
    private static async Task<T?> Optional<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (ApiException e) when (e.Problem.Status == 404)
        {
            return null;
        }
    }
}

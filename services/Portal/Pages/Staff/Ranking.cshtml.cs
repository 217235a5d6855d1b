using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

public sealed class ProposalForm
{
    public Guid ApplicationId { get; set; }

    public string? Outcome { get; set; }

    public decimal? Amount { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The ranking with the envelope's running total; an officer proposes, an approver (another person) confirms.</summary>
public sealed class RankingModel(ReviewApi review) : PortalPage
{
    [BindProperty]
    public List<ProposalForm> Proposals { get; set; } = [];

    [BindProperty]
    public List<Guid> Confirm { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public CallRanking? Ranking { get; private set; }

    public string? NotReady { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostPropose(Guid id, CancellationToken ct)
    {
        var decisions = Proposals.Where(p => !string.IsNullOrEmpty(p.Outcome))
            .Select(p => (object)new { p.ApplicationId, p.Outcome, p.Amount, Reasons = string.IsNullOrWhiteSpace(p.Reason) ? [] : new[] { p.Reason } })
            .ToList();
        return await Act(id, () => review.Propose(id, decisions, Version, ct), T["The decisions are proposed; an approver confirms them."], ct);
    }

    public Task<IActionResult> OnPostConfirm(Guid id, CancellationToken ct) =>
        Act(id, () => review.Confirm(id, Confirm, Version, ct), T["The decisions are confirmed."], ct);

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/staff/calls/{id}/ranking", () => Load(id, ct));

    private async Task Load(Guid id, CancellationToken ct)
    {
        try
        {
            var ranking = await review.Ranking(id, ct);
            Ranking = ranking.Value;
            Version = ranking.Version;
            ModelState.Remove(nameof(Version));
        }
        catch (ApiException e) when (e.Problem.Status is 404 or 409 or 422)
        {
            NotReady = e.Problem.Message;
        }
    }
}

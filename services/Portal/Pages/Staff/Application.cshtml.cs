using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>An application as the Unit reads it, with the eligibility decision and clarification requests.</summary>
public sealed class ApplicationModel(ApplicationsApi applications, ReviewApi review) : PortalPage
{
    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    public ApplicationView? Application { get; private set; }

    public CaseView? Case { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostEligible(Guid id, CancellationToken ct) =>
        Act(id, () => applications.DecideEligibility(id, true, Justification ?? "", ct), T["Recorded as eligible."], ct);

    public Task<IActionResult> OnPostIneligible(Guid id, CancellationToken ct) =>
        Act(id, () => applications.DecideEligibility(id, false, Justification ?? "", ct), T["Recorded as not eligible."], ct);

    public Task<IActionResult> OnPostClarify(Guid id, CancellationToken ct) =>
        Act(id, () => applications.RequestClarification(id, Question ?? "", ct), T["The NGO is asked to clarify."], ct);

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/staff/applications/{id}", () => Load(id, ct));

    private async Task Load(Guid id, CancellationToken ct)
    {
        Application = (await applications.Application(id, ct)).Value;
        try
        {
            Case = (await review.Case(id, ct)).Value;
        }
        catch (ApiException e) when (e.Problem.Status == 404)
        {
            Case = null;
        }
    }
}

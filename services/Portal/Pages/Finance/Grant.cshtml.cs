using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Finance;

/// <summary>A grant's tranches with the two signatures: finance prepares, an approver (another person) approves.</summary>
public sealed class GrantModel(PaymentsApi payments) : PortalPage
{
    [BindProperty]
    public int Number { get; set; }

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public DateOnly? ExecutionDate { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public GrantView? Grant { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostPrepare(Guid id, CancellationToken ct) =>
        Act(id, () => payments.Prepare(id, Number, Amount ?? 0, "EUR", ExecutionDate ?? DateOnly.FromDateTime(DateTime.UtcNow), Version, ct), T["Prepared: an approver signs next."], ct);

    public Task<IActionResult> OnPostApprove(Guid id, CancellationToken ct) =>
        Act(id, () => payments.Approve(id, Number, Version, ct), T["Approved: the tranche goes into the next batch."], ct);

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/finance/grants/{id}", () => Load(id, ct));

    private async Task Load(Guid id, CancellationToken ct)
    {
        var grant = await payments.Grant(id, ct);
        Grant = grant.Value;
        Version = grant.Version;
        ModelState.Remove(nameof(Version));
    }
}

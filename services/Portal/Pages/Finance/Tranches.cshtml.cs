using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Finance;

/// <summary>Finance's desk: tranches due (first signature), prepared (second signature), approved (to batch), late ones, batches and screening hits.</summary>
public sealed class TranchesModel(PaymentsApi payments) : PortalPage
{
    public IReadOnlyList<TrancheSummary> Due { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Prepared { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Approved { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Late { get; private set; } = [];

    public IReadOnlyList<Guid> Batches { get; private set; } = [];

    public IReadOnlyList<HitView> Hits { get; private set; } = [];

    [BindProperty]
    public string? Justification { get; set; }

    public async Task OnGet(CancellationToken ct) => await Load(ct);

    /// <summary>A hit is a false positive or a confirmed match; either way with a justification on record.</summary>
    public async Task<IActionResult> OnPostHit(Guid hitId, string decision, CancellationToken ct)
    {
        if (await Try(() => payments.DecideHit(hitId, decision, Justification ?? "", ct)))
        {
            Notice = T["The screening hit is decided."];
            return RedirectToPage();
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBatch(CancellationToken ct)
    {
        Versioned<BatchView>? batch = null;
        if (await Try(async () => batch = await payments.CreateBatch(Guid.NewGuid().ToString(), ct)))
        {
            Notice = T["Batch of {0} payments made.", batch!.Value.Payments.Count];
            return Redirect($"/finance/batches/{batch.Value.Id}");
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Due = (await payments.Tranches("due", null, 1, ct)).Items;
        Prepared = (await payments.Tranches("prepared", null, 1, ct)).Items;
        Approved = (await payments.Tranches("approved", null, 1, ct)).Items;
        Late = (await payments.Tranches(null, true, 1, ct)).Items;
        var batched = (await payments.Tranches("batched", null, 1, ct)).Items.Concat((await payments.Tranches("paid", null, 1, ct)).Items);
        Batches = [.. batched.Where(t => t.BatchId is not null).Select(t => t.BatchId!.Value).Distinct()];
        Hits = (await payments.Hits(1, ct)).Items;
    }
}

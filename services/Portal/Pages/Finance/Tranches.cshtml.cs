using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Finance;

/// <summary>Finance's desk: tranches due (first signature), prepared (second signature), approved (to batch), late ones, batches and screening hits.</summary>
public sealed class TranchesModel(PaymentsApi payments) : PortalPage
{
    private const int LongList = 200;

    public IReadOnlyList<TrancheSummary> Due { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Prepared { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Approved { get; private set; } = [];

    public IReadOnlyList<TrancheSummary> Late { get; private set; } = [];

    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

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

    /// <summary>Five reads at once. The second signatures and the batching are short lists, read together; the newest batches first.</summary>
    private async Task Load(CancellationToken ct)
    {
        var due = payments.Tranches(["due"], null, 1, ApiClient.PageSize, ct);
        var signing = payments.Tranches(["prepared", "approved"], null, 1, LongList, ct);
        var late = payments.Tranches([], true, 1, ApiClient.PageSize, ct);
        var batches = payments.Batches(1, ApiClient.PageSize, ct);
        var hits = payments.Hits(1, ct);
        await Task.WhenAll(due, signing, late, batches, hits);
        Due = (await due).Items;
        Prepared = [.. (await signing).Items.Where(t => t.Status == "prepared")];
        Approved = [.. (await signing).Items.Where(t => t.Status == "approved")];
        Late = (await late).Items;
        Batches = (await batches).Items;
        Hits = (await hits).Items;
    }
}

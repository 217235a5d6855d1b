using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Finance;

/// <summary>A payment batch: its pain.001 file to send to the bank, then the bank's execution recorded.</summary>
public sealed class BatchModel(PaymentsApi payments) : PortalPage
{
    [BindProperty]
    public string? BankReference { get; set; }

    [BindProperty]
    public DateOnly? ExecutedOn { get; set; }

    public BatchView? Batch { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => Batch = (await payments.Batch(id, ct)).Value;

    /// <summary>The first download is the export the service records, with the file's hash; later ones give the same bytes.</summary>
    public async Task<IActionResult> OnPostFile(Guid id, CancellationToken ct)
    {
        var (content, contentType, fileName) = User.IsInRole(GrantsRoles.Finance) ? await payments.ExportBatch(id, ct) : await payments.BatchFile(id, ct);
        return File(content, contentType, fileName);
    }

    public async Task<IActionResult> OnPostExecuted(Guid id, CancellationToken ct)
    {
        if (await Try(() => payments.Execute(id, BankReference ?? "", ExecutedOn ?? DateOnly.FromDateTime(DateTime.UtcNow), Guid.NewGuid().ToString(), ct)))
        {
            Notice = T["The batch is recorded as executed: the payments are paid."];
            return Redirect($"/finance/batches/{id}");
        }

        Batch = (await payments.Batch(id, ct)).Value;
        return Page();
    }
}

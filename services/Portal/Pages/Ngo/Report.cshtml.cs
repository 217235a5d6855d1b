using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Ngo;

public sealed class SpentForm
{
    public int BudgetLine { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>A narrative and what was spent per budget line of the application.</summary>
public sealed class ReportModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public List<SpentForm> Spending { get; set; } = [];

    public ReportView? Report { get; private set; }

    public IReadOnlyList<BudgetLine> Budget { get; private set; } = [];

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Spending = [.. Budget.Select((_, i) => new SpentForm { BudgetLine = i })];
    }

    /// <summary>The audit report is uploaded with the form; one uploaded on an earlier, refused attempt counts without sending it again.</summary>
    public async Task<IActionResult> OnPost(Guid id, IFormFile? audit, CancellationToken ct)
    {
        await Load(id, ct);
        var auditId = Report!.Attachments is { Count: > 0 } attached ? attached[^1].Id : (Guid?)null;
        if (audit is { Length: > 0 })
        {
            await using var content = audit.OpenReadStream();
            if (!await Try(async () => auditId = (await applications.AttachToReport(id, Path.GetFileName(audit.FileName), content, audit.ContentType, ct)).Value.Attachments![^1].Id))
            {
                return Page();
            }
        }

        var request = new { Narrative, Spending = Spending.Select(s => new { s.BudgetLine, s.Amount }).ToList(), AuditAttachmentId = auditId };
        if (await Try(() => applications.SubmitReport(id, request, ct)))
        {
            Notice = T["Your report is submitted."];
            return Redirect($"/ngo/reports/{id}");
        }

        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Report = (await applications.Report(id, ct)).Value;
        Budget = (await applications.Application(Report.ApplicationId, ct)).Value.Content.Budget;
    }
}

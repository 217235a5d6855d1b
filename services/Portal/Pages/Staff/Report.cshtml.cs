using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

public sealed class JustificationForm
{
    public string? Line { get; set; }

    public string? Justification { get; set; }
}

/// <summary>
/// A submitted report as the officer assesses it: the narrative, spending per budget line against the
/// budget (lines over tolerance need a justification to approve), the audit report, and the decision.
/// Approving a final report is what lets Payments settle and close the grant.
/// </summary>
public sealed class ReportModel(ApplicationsApi applications, ReviewApi review, PaymentsApi payments) : PortalPage
{
    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Remarks { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public List<JustificationForm> Justifications { get; set; } = [];

    public ReportView? Report { get; private set; }

    public ApplicationView? Application { get; private set; }

    public AssessmentView? Assessment { get; private set; }

    public GrantSummary? Grant { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnGetAttachment(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var (content, contentType, fileName) = await applications.ReportAttachment(id, attachmentId, ct);
        return File(content, contentType, fileName);
    }

    public Task<IActionResult> OnPostApprove(Guid id, CancellationToken ct)
    {
        var justified = Justifications.Where(j => !string.IsNullOrWhiteSpace(j.Justification)).Select(j => new LineJustification(j.Line ?? "", j.Justification!)).ToList();
        var remarks = string.IsNullOrWhiteSpace(Remarks) ? [] : new[] { Remarks };
        return Act(id, () => review.ApproveReport(id, justified, remarks, Version, ct), T["The report is approved."], ct);
    }

    public Task<IActionResult> OnPostChanges(Guid id, CancellationToken ct) =>
        Act(id, () => review.RequestReportChanges(id, string.IsNullOrWhiteSpace(Comments) ? [] : [Comments], Version, ct),
            T["The NGO is asked to change the report."], ct);

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, CancellationToken ct) =>
        Act(action, done, $"/staff/reports/{id}", () => Load(id, ct));

    private async Task Load(Guid id, CancellationToken ct)
    {
        Report = (await applications.Report(id, ct)).Value;
        Application = (await applications.Application(Report.ApplicationId, ct)).Value;
        try
        {
            var assessment = await review.Assessment(id, ct);
            (Assessment, Version) = (assessment.Value, assessment.Version);
        }
        catch (ApiException e) when (e.Problem.Status == 404)
        {
            Assessment = null;
        }

        Grant = (await payments.Grants(Application.CallId, 1, ct)).Items.FirstOrDefault(g => g.ApplicationId == Report.ApplicationId);
        if (Justifications.Count == 0 && Assessment is { } a)
        {
            Justifications = [.. a.Lines.Where(l => l.Overspent).Select(l => new JustificationForm { Line = l.Line })];
        }
    }
}

using System.Text;
using Grants.Hosting.Security;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>
/// A grant of EUR 149,000 whose project ended yesterday: its final report shows as overdue, the NGO must
/// attach an external audit report to submit it, and the officer assesses it from the queue.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class When_a_final_report_is_assessed(PortalSystem system)
{
    private static readonly byte[] AuditPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% external audit\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task Should_show_it_overdue_require_the_audit_report_and_let_the_officer_accept_it_and_settle_the_grant()
    {
        using var steps = new ApiSteps(system);
        await steps.OpenCall();
        await steps.RegisterOrganisation();
        await steps.SubmitEligibleApplication();
        await steps.Review((_, _) => 4);
        var reportId = await steps.AwardAndSign();

        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));
        await officer.Eventually("/staff/dashboards", p => p.Shows(steps.LegalName));
        var overdue = officer.Locator("tr", new() { HasText = steps.LegalName });
        Assert.Contains("Final report 1", await overdue.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", (await overdue.Locator("td.num").InnerTextAsync()).Trim());
        await officer.Expect(steps.CallReference);
        await officer.Expect("No payment is late.");
        await PortalSystem.Shot(officer, "20-officer-overdue-reports-and-late-payments");

        var ngo = await system.SignIn(await system.Account(GrantsRoles.Applicant, steps.Organisation));
        await ngo.GotoAsync($"/ngo/reports/{reportId}");
        await ngo.Fill("Narrative report", "Thirty mediators trained; 120 land disputes mediated.");
        await ngo.GetByLabel("Spent on line 1").FillAsync("60000");
        await ngo.GetByLabel("Spent on line 2").FillAsync("95000");
        await ngo.GetByLabel("Spent on line 3").FillAsync("9000");
        await ngo.Press("Submit the report");
        Assert.Contains("external audit report", await ngo.Text("#audit-error"), StringComparison.Ordinal);
        Assert.Equal("true", await ngo.GetByLabel("External audit report", new() { Exact = false }).GetAttributeAsync("aria-invalid"));
        await PortalSystem.Shot(ngo, "21-ngo-final-report-audit-required");
        await ngo.SetInputFilesAsync("#audit", new FilePayload { Name = "audit-2027.pdf", MimeType = "application/pdf", Buffer = AuditPdf });
        await ngo.Press("Submit the report");
        await ngo.Expect("Your report is submitted.");

        await officer.Eventually("/staff/reports", p => p.Shows(steps.LegalName));
        await officer.Locator("tr", new() { HasText = steps.LegalName }).GetByRole(AriaRole.Link, new() { Name = "Final report 1" }).ClickAsync();
        await officer.Eventually(officer.Url, p => p.Shows("Accept the report"));
        var spending = await officer.Locator("table").First.InnerTextAsync();
        Assert.Contains("95,000.00 EUR", spending, StringComparison.Ordinal);
        Assert.Contains("over budget by more than 10%", spending, StringComparison.Ordinal);
        Assert.Equal("164,000.00 EUR", await officer.Text("#declared"));
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "audit-2027.pdf" }).ClickAsync());
        var file = Path.Combine(PortalSystem.Artifacts, "final-report-audit.pdf");
        await download.SaveAsAsync(file);
        Assert.Equal(AuditPdf, await File.ReadAllBytesAsync(file));

        // The workshops line is 19% over its budget: accepting needs a justification for it.
        await officer.Press("Accept the report");
        await officer.Expect("need a justification to approve");
        await officer.GetByLabel("Justification for \"activities: Workshops\" (over budget)").FillAsync("Two more provinces joined the workshops.");
        await officer.Fill("Remarks for the NGO (optional)", "Clear and complete.");
        await PortalSystem.Shot(officer, "22-officer-final-report-assessment");
        await officer.Press("Accept the report");
        await officer.Expect("The report is approved.");
        Assert.Equal("Approved", await officer.Text("#report-status"));
        await officer.Eventually(officer.Url, async p => (await p.Text("#grant-status")) is "Closing" or "Closed");
        await PortalSystem.Shot(officer, "23-officer-final-report-accepted-grant-closing");

        await ngo.Eventually($"/ngo/reports/{reportId}", p => p.Shows("Approved"));
        await officer.GotoAsync("/staff/reports");
        Assert.False(await officer.Shows(steps.LegalName));
    }
}

using System.Text;
using Grants.Hosting.Security;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>The whole lifecycle through the portal's pages, one person per browser: call, application, review, decision, agreement, payment.</summary>
[Collection(PortalTests.Name)]
public sealed class When_a_grant_goes_from_application_to_payment(PortalSystem system)
{
    [Fact]
    public async Task Should_pay_the_ngo_after_a_reviewer_scores_an_approver_confirms_and_finance_pays()
    {
        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));
        var approver = await system.SignIn(await system.Account(GrantsRoles.Approver));
        var finance = await system.SignIn(await system.Account(GrantsRoles.Finance));
        var ngo = await system.SignIn(await system.Account(GrantsRoles.Applicant));
        string[] reviewerNames = [await system.Account(GrantsRoles.Reviewer), await system.Account(GrantsRoles.Reviewer)];

        var callId = await DraftAndOpenCall(officer);
        await RegisterOrganisation(ngo);
        var applicationId = await WriteAndSubmit(ngo, callId);
        await CloseAndFindEligible(officer, callId, applicationId);
        await AssignReviewers(officer, callId, applicationId, reviewerNames);
        foreach (var reviewer in reviewerNames)
        {
            await Review(await system.SignIn(reviewer), applicationId);
        }

        await ProposeAndConfirm(officer, approver, callId);
        await SignAgreement(ngo, applicationId);
        await Pay(finance, approver);

        await ngo.Eventually("/ngo/payments", p => p.Shows("paid"));
        Assert.Contains("76,800.00 EUR", await ngo.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PortalSystem.Shot(ngo, "08-ngo-payments-received");

        var auditor = await system.SignIn(await system.Account(GrantsRoles.Auditor));
        await auditor.GotoAsync($"/audit?Id={applicationId}");
        await auditor.Expect("application.submitted");
        Assert.Equal(3, (await auditor.Locator("tbody td:nth-child(2)").AllInnerTextsAsync()).Distinct().Count());
        await PortalSystem.Shot(auditor, "09-auditor-timeline-across-services");
        await auditor.ExpectAccessible();
    }

    private static async Task<Guid> DraftAndOpenCall(IPage officer)
    {
        await officer.GotoAsync("/staff/calls");
        await officer.Fill("Reference", $"PB-{Guid.NewGuid().ToString()[..6]}");
        await officer.Fill("Title", "Peace building 2027");
        await officer.Fill("Submission deadline (Brussels time)", $"{DateTime.UtcNow.Year + 1}-01-31T12:00");
        await officer.Fill("Envelope (EUR)", "1000000");
        await officer.Fill("Smallest grant (EUR)", "10000");
        await officer.Fill("Largest grant (EUR)", "200000");
        await officer.Fill("Reviewers per application", "2");
        await officer.Press("Draft the call");
        await officer.ReachedPath("^/staff/calls/[^/]+$");
        var callId = officer.IdAfter("/staff/calls/");
        await officer.Press("Open the call");
        Assert.Equal("Open", await officer.Text("#call-status"));
        return callId;
    }

    private static async Task RegisterOrganisation(IPage ngo)
    {
        await ngo.GotoAsync("/ngo/organisation");
        await ngo.Fill("Legal name", "Brussels Peace Initiative asbl");
        await ngo.Fill("Registration number", $"BE0{Random.Shared.Next(100_000_000, 999_999_999)}");
        await ngo.Fill("Country of registration (ISO code, e.g. BE)", "BE");
        await ngo.Fill("Legal form", "asbl");
        await ngo.Fill("Street", "Rue de la Loi 15");
        await ngo.Fill("Postal code", "1040");
        await ngo.Fill("City", "Brussels");
        await ngo.Fill("Country (ISO code)", "BE");
        await ngo.Fill("Name", "Nadia Peeters");
        await ngo.Fill("E-mail", "nadia@example.org");
        await ngo.Fill("IBAN", "BE71096123456769");
        await ngo.Fill("BIC", "GKCCBEBB");
        await ngo.Fill("Account holder", "Brussels Peace Initiative asbl");
        await ngo.Press("Register");
        await ngo.Expect("Your organisation is saved.");
    }

    private static async Task<Guid> WriteAndSubmit(IPage ngo, Guid callId)
    {
        await ngo.GotoAsync($"/ngo/calls/{callId}");
        await PortalSystem.Shot(ngo, "01-ngo-call-rules");
        await ngo.Fill("Working title of your project", "Mediation in South Kivu");
        await ngo.Press("Start an application");
        await ngo.ReachedPath("/edit$");
        var applicationId = ngo.IdAfter("/ngo/applications/");

        await ngo.GetByLabel("Theme").SelectOptionAsync("conflict-prevention-and-mediation");
        await ngo.GetByLabel("CD", new() { Exact = true }).CheckAsync();
        await ngo.Fill("Start date", $"{DateTime.UtcNow.Year + 1}-03-01");
        await ngo.Fill("End date", $"{DateTime.UtcNow.Year + 1}-12-31");
        await ngo.Fill("Objective 1", "Local mediators resolve land disputes");
        await ngo.Fill("Expected result 1.1", "Thirty mediators trained");
        await ngo.Fill("Indicator", "Mediators certified");
        await ngo.Fill("Baseline", "0");
        await ngo.Fill("Target", "30");
        await ngo.Press("Save draft");
        await ngo.Expect("Draft saved.");

        // A second visit: the draft is as it was left; the budget totals itself as it is typed.
        await ngo.GotoAsync($"/ngo/applications/{applicationId}/edit");
        Assert.Equal("Local mediators resolve land disputes", await ngo.GetByLabel("Objective 1").InputValueAsync());
        await ngo.Fill("Summary", "Training community mediators in South Kivu.");
        await ngo.Press("Add a budget line");
        await BudgetLine(ngo, 1, "staff", "Trainers", "40000");
        await BudgetLine(ngo, 2, "activities", "Workshops", "50000");
        await BudgetLine(ngo, 3, "indirect", "Overheads", "6000");
        Assert.Equal("96,000.00 EUR", await ngo.Text("#budget-requested"));
        await ngo.Press("Save draft");

        await ngo.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "proposal.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        });
        await ngo.Press("Upload");
        await ngo.GetByRole(AriaRole.Link, new() { Name = "proposal.pdf" }).WaitForAsync();
        await PortalSystem.Shot(ngo, "02-ngo-draft-with-budget-and-attachment");
        await ngo.ExpectAccessible();
        await ngo.Press("Submit application");
        await ngo.ReachedPath($"^/ngo/applications/{applicationId}$");
        Assert.Equal("Submitted", await ngo.Text("#status"));
        await PortalSystem.Shot(ngo, "03-ngo-submitted");
        return applicationId;
    }

    private static async Task BudgetLine(IPage page, int line, string category, string description, string amount)
    {
        await page.GetByLabel($"Category of line {line}", new() { Exact = true }).SelectOptionAsync(category);
        await page.Fill($"Description of line {line}", description);
        await page.Fill($"Amount of line {line}", amount);
    }

    private static async Task CloseAndFindEligible(IPage officer, Guid callId, Guid applicationId)
    {
        await officer.GotoAsync($"/staff/calls/{callId}");
        await officer.Fill("Reason to close before the deadline", "Every expected proposal is in.");
        await officer.Press("Close the call");
        await officer.GotoAsync($"/staff/applications/{applicationId}");
        await officer.Fill("Justification", "Complete, on a theme and country of the call, within its limits.");
        await officer.Press("Eligible");
        Assert.Equal("Eligible", await officer.Text("#status"));
    }

    private static async Task AssignReviewers(IPage officer, Guid callId, Guid applicationId, string[] reviewers)
    {
        await officer.Eventually($"/staff/calls/{callId}", p => p.Shows("Enlist a reviewer"));
        foreach (var reviewer in reviewers)
        {
            await officer.Fill("Reviewer's user name", reviewer);
            await officer.Fill("Name", $"Expert {reviewer}");
            await officer.Press("Enlist");
            await officer.Expect($"Expert {reviewer} is in the pool.");
        }

        await officer.Eventually($"/staff/calls/{callId}", p => p.Shows(applicationId.ToString()));
        await officer.Press("Assign reviewers to every case short of them");
        await officer.GotoAsync($"/staff/applications/{applicationId}");
        foreach (var reviewer in reviewers)
        {
            await officer.Expect(reviewer);
        }

        await PortalSystem.Shot(officer, "04-officer-application-with-reviewers");
    }

    private static async Task Review(IPage reviewer, Guid applicationId)
    {
        await reviewer.GotoAsync("/reviewer/cases");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = applicationId.ToString() }).ClickAsync();
        Assert.False(await reviewer.Shows("Training community mediators"));
        await reviewer.Press("I have no conflict of interest");

        // Applications opens the application once Review's clearance reaches it: the page waits a moment, else says so.
        const string NotYet = "The application is being made available to you";
        Assert.True(await reviewer.Shows("Training community mediators") || await reviewer.Shows(NotYet), await reviewer.Locator("main").InnerTextAsync());
        await reviewer.Eventually(reviewer.Url, p => p.Shows("Training community mediators"));
        var scores = reviewer.GetByLabel("Score from 1 to 5");
        var comments = reviewer.GetByLabel("Comment");
        for (var i = 0; i < await scores.CountAsync(); i++)
        {
            await scores.Nth(i).SelectOptionAsync("4");
            await comments.Nth(i).FillAsync("Sound and well argued.");
        }

        await PortalSystem.Shot(reviewer, "05-reviewer-score-sheet");
        await reviewer.ExpectAccessible();
        await reviewer.Press("Submit the score sheet");
        await reviewer.Expect("Your score sheet is saved.");
    }

    private static async Task ProposeAndConfirm(IPage officer, IPage approver, Guid callId)
    {
        var ranking = $"/staff/calls/{callId}/ranking";
        await officer.Eventually(ranking, p => p.Shows("Running total"));
        await officer.GetByLabel("Outcome for rank 1").SelectOptionAsync("Award");
        await officer.Press("Propose these decisions");
        await officer.Expect("The decisions are proposed");

        await approver.GotoAsync(ranking);
        await approver.GetByLabel("Confirm rank 1").CheckAsync();
        await approver.Press("Confirm the ticked decisions");
        await approver.Expect("The decisions are confirmed.");
        await PortalSystem.Shot(approver, "06-approver-ranking-confirmed");
        await approver.ExpectAccessible();
    }

    private static async Task SignAgreement(IPage ngo, Guid applicationId)
    {
        await ngo.Eventually($"/ngo/applications/{applicationId}", p => p.Shows("Sign the grant agreement"));
        await ngo.Press("Sign the grant agreement");
        await ngo.Expect("The grant agreement is signed.");
    }

    private static async Task Pay(IPage finance, IPage approver)
    {
        await finance.Eventually("/finance/tranches", p => p.Locator("table").First.Locator("a").First.IsVisibleAsync());
        await finance.ExpectAccessible();
        await finance.Locator("table").First.Locator("a").First.ClickAsync();
        var grant = finance.Url;
        await finance.Press("Prepare (first signature)");
        await finance.Expect("Prepared: an approver signs next.");

        await approver.GotoAsync(grant);
        await approver.Press("Approve (second signature)");
        await approver.Expect("Approved");

        await finance.GotoAsync("/finance/tranches");
        await finance.Press("Make a payment batch of every approved tranche");
        await finance.ReachedPath("^/finance/batches/[^/]+$");
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.Press("Download the pain.001 file"));
        var file = Path.Combine(PortalSystem.Artifacts, "batch-pain.001.xml");
        await download.SaveAsAsync(file);
        Assert.Contains("pain.001.001.03", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        await finance.Fill("Bank reference", "BNK-2027-0001");
        await finance.Press("Mark as executed");
        Assert.Equal("Executed", await finance.Text("#batch-status"));
        await PortalSystem.Shot(finance, "07-finance-batch-executed");
        await finance.ExpectAccessible();

        await finance.GotoAsync("/finance/tranches");
        var row = finance.Locator("tr", new() { HasText = "BNK-2027-0001" });
        Assert.Contains("Executed", await row.InnerTextAsync(), StringComparison.Ordinal);
    }
}

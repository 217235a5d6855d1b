using Grants.Hosting.Security;

namespace Grants.Portal.Tests;

/// <summary>Two reviewers 3 points apart on the first criterion: the officer sees both sheets, named, and records the consensus; complaints hold a decision until resolved.</summary>
[Collection(PortalTests.Name)]
public sealed class When_reviewers_diverge(PortalSystem system)
{
    [Fact]
    public async Task Should_let_the_officer_record_a_consensus_from_the_named_scores_and_a_complaint_be_recorded_and_resolved()
    {
        using var steps = new ApiSteps(system);
        await steps.OpenCall();
        await steps.RegisterOrganisation();
        await steps.SubmitEligibleApplication();
        await steps.Review((reviewer, criterion) => criterion == 0 ? (reviewer == 0 ? 5 : 2) : 4);

        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));
        await officer.Eventually($"/staff/consensus?callId={steps.CallId}", p => p.Shows(steps.ApplicationId.ToString()));
        await officer.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = steps.ApplicationId.ToString() }).ClickAsync();
        await officer.Expect("Record the consensus");
        var sheets = await officer.Locator("#sheets").InnerTextAsync();
        foreach (var reviewer in steps.Reviewers)
        {
            Assert.Contains(reviewer, sheets, StringComparison.Ordinal);
        }

        Assert.Contains("2 or more apart: needs a consensus", sheets, StringComparison.Ordinal);
        await PortalSystem.Shot(officer, "24-officer-divergent-scores");

        // A score without its justification is refused, and nothing is recorded.
        var first = steps.Criteria[0];
        await officer.GetByLabel($"Consensus score for {first}").FillAsync("4");
        await officer.Press("Record the consensus");
        await officer.Expect("justification");
        Assert.Equal("Awaiting consensus", await officer.Text("#case-status"));

        foreach (var criterion in steps.Criteria)
        {
            await officer.GetByLabel($"Why, for {criterion}").FillAsync("Agreed after discussing the context analysis.");
        }

        await officer.Press("Record the consensus");
        await officer.Expect("The consensus is recorded");
        Assert.Equal("Completed", await officer.Text("#case-status"));
        Assert.False(string.IsNullOrEmpty(await officer.Text("#weighted-score")));
        await PortalSystem.Shot(officer, "25-officer-consensus-recorded");

        // The NGO sees where its review stands, never who scored it.
        var ngo = await system.SignIn(await system.Account(GrantsRoles.Applicant, steps.Organisation));
        await ngo.GotoAsync($"/ngo/applications/{steps.ApplicationId}");
        var seen = await ngo.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(steps.Reviewers[0], seen, StringComparison.Ordinal);
        Assert.DoesNotContain(steps.Reviewers[1], seen, StringComparison.Ordinal);
        await ngo.GotoAsync($"/staff/consensus/{steps.ApplicationId}");
        Assert.DoesNotContain(steps.Reviewers[0], await ngo.ContentAsync(), StringComparison.Ordinal);

        await officer.GotoAsync($"/staff/complaints?callId={steps.CallId}");
        await officer.Expect("No complaint is open in this call.");
        await officer.Fill("Complaint", "A reviewer worked for the applicant's partner in 2025.");
        await officer.Press("Record the complaint");
        await officer.Expect("The complaint is recorded");
        Assert.Contains("worked for the applicant's partner", await officer.Locator("#complaints").InnerTextAsync(), StringComparison.Ordinal);

        var approver = await system.SignIn(await system.Account(GrantsRoles.Approver));
        await approver.GotoAsync($"/staff/complaints?callId={steps.CallId}");
        await approver.GetByLabel("How it was resolved").FillAsync("The reviewer's sheet stands: the work ended before the call.");
        await PortalSystem.Shot(approver, "26-approver-resolves-complaint");
        await approver.Press("Resolve");
        await approver.Expect("The complaint is resolved.");
        await approver.Expect("No complaint is open in this call.");
    }
}

using Grants.Hosting.Security;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>Keyboard and screen reader users: no serious axe violation on the key pages, every form usable with Tab and Enter alone.</summary>
[Collection(PortalTests.Name)]
public sealed class When_someone_uses_the_portal_without_a_mouse(PortalSystem system)
{
    [Fact]
    public async Task Should_find_no_serious_accessibility_problem_on_the_sign_in_calls_draft_ranking_finance_and_audit_pages()
    {
        var (call, _) = await system.OpenCall("Accessible call", DateTimeOffset.UtcNow.AddMonths(2), 500_000m);
        var anonymous = await (await system.Browser.NewContextAsync(new() { BaseURL = system.Portal.ToString() })).NewPageAsync();
        await anonymous.GotoAsync("/account/sign-in");
        await anonymous.ExpectAccessible();

        var ngo = await system.SignIn((await system.RegisteredApplicant("Accessible NGO asbl")).User);
        await ngo.GotoAsync("/ngo/calls");
        await ngo.ExpectAccessible();
        await ngo.GotoAsync($"/ngo/calls/{call}");
        await ngo.ExpectAccessible();
        await StartDraft(ngo, call, "An empty draft");
        await ngo.Press("Submit application");
        await ngo.Locator("#error-summary").WaitForAsync();
        await ngo.ExpectAccessible();
        await PortalSystem.Shot(ngo, "accessibility-draft-with-errors");

        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));
        foreach (var page in new[] { "/staff/calls", $"/staff/calls/{call}", $"/staff/calls/{call}/ranking" })
        {
            await officer.GotoAsync(page);
            await officer.ExpectAccessible();
        }

        var finance = await system.SignIn(await system.Account(GrantsRoles.Finance));
        await finance.GotoAsync("/finance/tranches");
        await finance.ExpectAccessible();
        var auditor = await system.SignIn(await system.Account(GrantsRoles.Auditor));
        await auditor.GotoAsync($"/audit?Id={call}");
        await auditor.ExpectAccessible();
    }

    [Fact]
    public async Task Should_list_every_problem_of_a_form_at_its_top_each_leading_to_its_field()
    {
        var (call, _) = await system.OpenCall("Error summary call", DateTimeOffset.UtcNow.AddMonths(2), 500_000m);
        var ngo = await system.SignIn((await system.RegisteredApplicant("Summary NGO asbl")).User);
        await StartDraft(ngo, call, "A draft with nothing in it");

        await ngo.Press("Submit application");

        var summary = ngo.Locator("#error-summary");
        Assert.Equal("There is a problem", await summary.Locator("h2").InnerTextAsync());
        Assert.Equal("error-summary", await ngo.EvaluateAsync<string>("() => document.activeElement.id"));
        var targets = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            Assert.True(await ngo.Locator(target).CountAsync() == 1, $"The error summary links to {target}, which is not on the page.");
        }
    }

    [Fact]
    public async Task Should_sign_in_and_start_an_application_with_tab_and_enter_alone()
    {
        var (call, _) = await system.OpenCall("Keyboard call", DateTimeOffset.UtcNow.AddMonths(2), 500_000m);
        var (user, _) = await system.RegisteredApplicant("Keyboard NGO asbl");
        var page = await (await system.Browser.NewContextAsync(new() { BaseURL = system.Portal.ToString() })).NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/sign-in");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.TabTo("#user-name");
        await page.Keyboard.TypeAsync(user);
        await page.TabTo("#password");
        await page.Keyboard.TypeAsync(PortalSystem.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.Reached(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync($"/ngo/calls/{call}");
        await page.TabTo("input[name='Title']");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync("Typed without a mouse");
        await page.Keyboard.PressAsync("Enter");
        await page.ReachedPath("/edit$");

        Assert.Equal("Typed without a mouse", await page.Text("h1"));
    }

    private static async Task StartDraft(IPage ngo, Guid call, string title)
    {
        await ngo.GotoAsync($"/ngo/calls/{call}");
        await ngo.Fill("Working title of your project", title);
        await ngo.Press("Start an application");
        await ngo.ReachedPath("/edit$");
    }
}

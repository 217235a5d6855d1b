using Grants.Hosting.Security;

namespace Grants.Portal.Tests;

/// <summary>The partners of a draft: rows added and removed on the form, kept by the service between visits.</summary>
[Collection(PortalTests.Name)]
public sealed class When_an_ngo_lists_its_partners(PortalSystem system)
{
    [Fact]
    public async Task Should_keep_added_partners_over_visits_drop_removed_ones_and_show_a_bad_country_beside_it()
    {
        using var steps = new ApiSteps(system);
        await steps.OpenCall();
        await steps.RegisterOrganisation();
        var ngo = await system.SignIn(await system.Account(GrantsRoles.Applicant, steps.Organisation));
        await ngo.GotoAsync($"/ngo/calls/{steps.CallId}");
        await ngo.Fill("Working title of your project", "Dialogue in the Sahel");
        await ngo.Press("Start an application");
        await ngo.ReachedPath("/edit$");
        var edit = new Uri(ngo.Url).AbsolutePath;

        await ngo.Fill("Name of partner 1", "Kivu Women Mediators");
        await ngo.Fill("Country of partner 1", "ZZ");
        await ngo.Fill("Role of partner 1", "implementing partner");
        await ngo.Press("Add a partner");
        await ngo.Fill("Name of partner 2", "Radio Okapi Listeners Club");
        await ngo.Fill("Country of partner 2", "cd");
        await ngo.Fill("Role of partner 2", "outreach");
        await ngo.Press("Save draft");
        Assert.Contains("ISO 3166", await ngo.Locator("#partners tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Radio Okapi Listeners Club", await ngo.GetByLabel("Name of partner 2").InputValueAsync());

        await ngo.Fill("Country of partner 1", "CD");
        await ngo.Press("Save draft");
        await ngo.Expect("Draft saved.");

        await ngo.GotoAsync(edit);
        Assert.Equal("Kivu Women Mediators", await ngo.GetByLabel("Name of partner 1").InputValueAsync());
        Assert.Equal("CD", await ngo.GetByLabel("Country of partner 2").InputValueAsync());
        Assert.Equal("", await ngo.GetByLabel("Name of partner 3").InputValueAsync());
        await PortalSystem.Shot(ngo, "27-ngo-draft-partners");

        await ngo.GetByLabel("Remove partner 1").CheckAsync();
        await ngo.Press("Save draft");
        await ngo.Expect("Draft saved.");
        await ngo.GotoAsync(edit);
        Assert.Equal("Radio Okapi Listeners Club", await ngo.GetByLabel("Name of partner 1").InputValueAsync());
        Assert.Equal(2, await ngo.Locator("#partners tbody tr").CountAsync());
    }
}

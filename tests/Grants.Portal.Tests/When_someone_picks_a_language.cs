using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>The words follow the language a person picks; dates and amounts are written as in Belgium.</summary>
[Collection(PortalTests.Name)]
public sealed class When_someone_picks_a_language(PortalSystem system)
{
    // Far enough ahead for the call to stay open; the API takes a call's deadline as Brussels time, as the staff form does.
    private static readonly DateTimeOffset Deadline = new(2031, 3, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_show_an_ngo_its_pages_in_french_with_belgian_dates_and_amounts()
    {
        var (call, _) = await system.OpenCall("Médiation 2031", Deadline, 1_250_000m);
        var (user, _) = await system.RegisteredApplicant("Initiative bruxelloise asbl");
        var ngo = await system.SignIn(user);

        await Pick(ngo, "Français", "fr");
        await ngo.GotoAsync($"/ngo/calls/{call}");

        Assert.Equal("fr", await ngo.Locator("html").GetAttributeAsync("lang"));
        await Expect(ngo.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Appels ouverts", Exact = true }));
        Assert.Equal("Règles", await ngo.Text("main h2"));
        var rules = await ngo.Locator("dl").InnerTextAsync();
        Assert.Contains("1\u202f250\u202f000,00 EUR", rules, StringComparison.Ordinal);
        Assert.Contains("1/03/2031 11:00", rules, StringComparison.Ordinal);
        await PortalSystem.Shot(ngo, "language-fr-ngo-call");

        await ngo.Fill("Titre provisoire de votre projet", "Médiation au Sud-Kivu");
        await ngo.Press("Commencer une demande");
        await ngo.ReachedPath("/edit$");
        await Expect(ngo.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true }));
        await ngo.GotoAsync("/ngo/applications");
        Assert.Equal("Vos demandes", await ngo.Text("h1"));
        Assert.Contains("Brouillon", await ngo.Locator("tr", new() { HasText = "Médiation au Sud-Kivu" }).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_staff_their_pages_in_dutch_from_the_sign_in_page_on()
    {
        var (_, reference) = await system.OpenCall("Bemiddeling 2031", Deadline, 1_250_000m);
        var officer = await system.Account(Hosting.Security.GrantsRoles.Officer);
        var context = await system.Browser.NewContextAsync(new() { BaseURL = system.Portal.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync("/account/sign-in");
        await Pick(page, "Nederlands", "nl");
        await page.Fill("Gebruikersnaam", officer);
        await page.Fill("Wachtwoord", PortalSystem.Password);
        await page.Press("Aanmelden");
        await page.Reached(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync("/staff/calls");

        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Oproepen tot het indienen van voorstellen", await page.Text("h1"));
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Oproepen", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "De oproep opstellen", Exact = true }));
        await Expect(page.GetByLabel("Uiterste indieningsdatum (Brusselse tijd)", new() { Exact = true }));
        var row = await page.Locator("tr", new() { HasText = reference }).InnerTextAsync();
        Assert.Contains("1.250.000,00 EUR", row, StringComparison.Ordinal);
        Assert.Contains("1/03/2031 11:00", row, StringComparison.Ordinal);
        await PortalSystem.Shot(page, "language-nl-staff-calls");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Achterstanden", Exact = true }).ClickAsync();
        Assert.Equal("Laattijdige verslagen en betalingen", await page.Text("h1"));
        Assert.Equal("Laattijdige verslagen", await page.Text("#overdue-reports"));
        await page.GotoAsync("/staff/reports");
        Assert.Equal("Te beoordelen verslagen", await page.Text("h1"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tonen", Exact = true }));
        await page.GotoAsync("/staff/complaints");
        Assert.Equal("Klachten over belangenconflicten", await page.Text("h1"));
    }

    private static async Task Pick(IPage page, string language, string code)
    {
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = language });
        await page.Press("Change");
        await page.Locator($"html[lang='{code}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task Expect(ILocator locator) =>
        Assert.True(await locator.IsVisibleAsync(), $"{locator} is not on the page.");
}

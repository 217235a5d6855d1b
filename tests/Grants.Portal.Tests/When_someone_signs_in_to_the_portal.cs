using System.Net;
using System.Text.RegularExpressions;
using Grants.Hosting.Security;

namespace Grants.Portal.Tests;

[Collection(PortalTests.Name)]
public sealed partial class When_someone_signs_in_to_the_portal(PortalSystem system)
{
    [Fact]
    public async Task Should_send_someone_not_signed_in_to_the_sign_in_page()
    {
        using var client = Client();

        var response = await client.GetAsync(new Uri("/ngo/applications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Should_sign_in_with_the_right_password()
    {
        var user = await system.Account(GrantsRoles.Officer);
        using var client = Client();

        var response = await SignIn(client, user, PortalSystem.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/staff/calls", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Should_lock_the_account_after_five_wrong_passwords_even_against_the_right_one()
    {
        var user = await system.Account(GrantsRoles.Finance);
        using var client = Client();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignIn(client, user, "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await SignIn(client, user, PortalSystem.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await system.Accounts.Find(user, CancellationToken.None))!.LockedUntil);
    }

    [Fact]
    public async Task Should_refuse_a_form_without_its_antiforgery_token()
    {
        var user = await system.Account(GrantsRoles.Officer);
        using var client = Client();

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Password"] = PortalSystem.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await system.Accounts.Find(user, CancellationToken.None))!.FailedSignIns);
    }

    [Fact]
    public async Task Should_end_the_session_when_the_person_signs_out()
    {
        var page = await system.SignIn(await system.Account(GrantsRoles.Applicant));

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.GotoAsync("/ngo/applications");

        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_speak_the_language_the_person_picked()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));

        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = system.Portal };

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = TokenField().Match(form).Groups[1].Value;
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

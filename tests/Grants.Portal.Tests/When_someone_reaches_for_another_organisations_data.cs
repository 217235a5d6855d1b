using System.Net.Http.Json;
using System.Text;
using Grants.Hosting.Security;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>What the portal must never show or do: another organisation's data, a form posted from elsewhere, markup a user typed.</summary>
[Collection(PortalTests.Name)]
public sealed class When_someone_reaches_for_another_organisations_data(PortalSystem system)
{
    private const string ScriptTitle = "<script>window.injected = true</script> Peace";

    [Fact]
    public async Task Should_answer_not_found_for_another_organisations_application_and_its_attachment()
    {
        var (applicationId, attachmentId, _) = await ApplicationOfAnotherOrganisation();
        var other = await system.SignIn(await system.Account(GrantsRoles.Applicant));

        var page = await other.GotoAsync($"/ngo/applications/{applicationId}");
        var edit = await other.GotoAsync($"/ngo/applications/{applicationId}/edit");
        var download = await other.APIRequest.GetAsync($"/files/applications/{applicationId}/{attachmentId}");

        Assert.Equal(404, page!.Status);
        Assert.Equal(404, edit!.Status);
        Assert.Equal(404, download.Status);
        Assert.DoesNotContain("%PDF", await download.TextAsync(), StringComparison.Ordinal);
        await other.GotoAsync("/ngo/applications");
        Assert.DoesNotContain("Peace", await other.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_a_title_with_markup_as_text()
    {
        var (applicationId, attachmentId, owner) = await ApplicationOfAnotherOrganisation();
        var ngo = await system.SignIn(owner);

        await ngo.GotoAsync($"/ngo/applications/{applicationId}");

        Assert.Equal(ScriptTitle, await ngo.Text("h1"));
        Assert.False(await ngo.EvaluateAsync<bool>("() => window.injected === true"));
        var download = await ngo.APIRequest.GetAsync($"/files/applications/{applicationId}/{attachmentId}");
        Assert.Equal(200, download.Status);
        await PortalSystem.Shot(ngo, "security-script-title-as-text");
    }

    [Fact]
    public async Task Should_refuse_a_form_posted_without_its_antiforgery_token_and_change_nothing()
    {
        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));
        var reference = $"CSRF-{Guid.NewGuid().ToString()[..6]}";

        var response = await officer.APIRequest.PostAsync("/staff/calls", new()
        {
            Form = FormOf(officer, ("Form.Reference", reference), ("Form.Title", "Forged"), ("Form.SubmissionDeadline", "2030-01-01T12:00"), ("Form.Envelope", "1000")),
        });

        Assert.Equal(400, response.Status);
        await officer.GotoAsync("/staff/calls");
        Assert.DoesNotContain(reference, await officer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>An organisation with a draft (its title carrying markup) and a PDF, put there straight through the API.</summary>
    private async Task<(Guid Application, Guid Attachment, string Owner)> ApplicationOfAnotherOrganisation()
    {
        var (call, _) = await system.OpenCall("Security", DateTimeOffset.UtcNow.AddMonths(1), 100_000m);
        var (owner, organisation) = await system.RegisteredApplicant("Another NGO");
        using var ngo = system.Api(GrantsRoles.Applicant, owner, organisation);
        var application = await Given.Id(await ngo.PostAsJsonAsync("applications", new { CallId = call, Title = ScriptTitle }));
        using var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var attached = await ngo.PostAsync(new Uri($"applications/{application}/attachments?fileName=secret.pdf", UriKind.Relative), pdf);
        attached.EnsureSuccessStatusCode();
        var attachment = (await attached.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("attachments")[0].GetProperty("id").GetGuid();
        return (application, attachment, owner);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Grants.Hosting.Security;
using Grants.Testing;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>A call's applications a page at a time, filtered; the eligibility queue is the submitted ones.</summary>
[Collection(PortalTests.Name)]
public sealed class When_staff_look_through_a_calls_applications(PortalSystem system)
{
    [Fact]
    public async Task Should_page_through_them_keeping_the_filters_and_queue_only_those_awaiting_eligibility()
    {
        var (callId, themes, decided) = await CallWithThreeApplications();
        var officer = await system.SignIn(await system.Account(GrantsRoles.Officer));

        await officer.GotoAsync($"/staff/calls/{callId}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Eligibility queue" }).ClickAsync();
        await officer.Reached(url => url.Contains("status=Submitted", StringComparison.Ordinal));
        await officer.Expect("2 applications match");
        Assert.Equal(0, await officer.GetByRole(AriaRole.Link, new() { Name = decided }).CountAsync());

        await officer.GotoAsync($"/staff/calls/{callId}/applications?pageSize=2");
        await officer.Expect("3 applications match; page 1 of 2");
        Assert.Equal(2, await officer.Locator("tbody tr").CountAsync());
        await officer.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await officer.Reached(url => url.Contains("pageNumber=2", StringComparison.Ordinal));
        await officer.Expect("page 2 of 2");
        Assert.Equal(1, await officer.Locator("tbody tr").CountAsync());

        await officer.GetByLabel("Theme").SelectOptionAsync(themes[1]);
        await officer.Press("Show");
        await officer.Reached(url => url.Contains("theme=", StringComparison.Ordinal));
        await officer.Expect("1 applications match; page 1 of 1");
        Assert.Equal(themes[1], await officer.Text("tbody tr td:nth-child(2)"));
        await PortalSystem.Shot(officer, "staff-applications-filtered");
    }

    /// <summary>Three NGOs submit, two on the call's first theme and one on its second; the officer finds the first eligible. Returns that one's title.</summary>
    private async Task<(Guid Call, string[] Themes, string Decided)> CallWithThreeApplications()
    {
        using var officer = system.Api(GrantsRoles.Officer, "officer");
        var call = await Read(await officer.PostAsJsonAsync("calls", new
        {
            Reference = $"LIST-{Guid.NewGuid().ToString()[..6]}", Title = "Listing", SubmissionDeadline = DateTime.UtcNow.AddMonths(1),
            Envelope = 10_000_000m, MinimumGrant = 50_000m, MaximumGrant = 300_000m,
        }));
        var callId = call.GetProperty("id").GetGuid();
        var rules = (await Read(await officer.PostAsync(new Uri($"calls/{callId}/open", UriKind.Relative), null))).GetProperty("rules");
        string[] themes = [.. rules.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!)];
        var titles = new List<(Guid Id, string Title)>();
        foreach (var theme in new[] { themes[0], themes[0], themes[1] })
        {
            var organisation = Guid.NewGuid();
            using var ngo = system.Api(GrantsRoles.Applicant, $"ngo-{organisation:N}", organisation);
            await Read(await ngo.PostAsJsonAsync("organisations", TestDrafts.Organisation(organisation)));
            var title = $"Mediation {titles.Count + 1} {organisation.ToString("N")[..6]}";
            var draft = await ngo.PostAsJsonAsync("applications", TestDrafts.Application(callId, title, theme));
            var version = draft.Headers.ETag!.Tag.Trim('"');
            var id = (await Read(draft)).GetProperty("id").GetGuid();
            using var submit = new HttpRequestMessage(HttpMethod.Post, $"applications/{id}/submit");
            submit.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
            await Read(await ngo.SendAsync(submit));
            titles.Add((id, title));
        }

        await Read(await officer.PostAsJsonAsync($"applications/{titles[0].Id}/eligibility", new { Eligible = true, Justification = "Complete and within the call." }));
        return (callId, themes, titles[0].Title);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}

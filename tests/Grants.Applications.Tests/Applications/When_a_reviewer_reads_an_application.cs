using System.Net;
using Grants.Applications.Tests.Calls;
using Grants.Applications.Tests.Organisations;
using Grants.Contracts.Reviews;

namespace Grants.Applications.Tests.Applications;

public sealed class When_a_reviewer_reads_an_application(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Should_read_it_only_once_cleared_by_review_and_no_longer_once_released()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        var organisation = await host.RegisterOrganisation();
        using var applicant = host.Applicant(organisation);
        var (id, _) = await applicant.DraftApplication(callId);
        var attachment = (await (await applicant.Attach(id, When_a_file_is_attached.Pdf, "annex.pdf")).Json200(HttpStatusCode.Created))
            .GetProperty("attachments")[0].GetProperty("id").GetGuid();
        await applicant.Submit(id);
        using var rosa = host.As("reviewer", "rosa");
        using var rafael = host.As("reviewer", "rafael");

        await (await rosa.Get($"/applications/{id}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await rosa.Get($"/applications/{id}/attachments/{attachment}")).Problem(HttpStatusCode.NotFound, "stream.not_found");

        await host.Bus.Publish(new ReviewerCleared { MessageId = Guid.NewGuid(), CorrelationId = id, ApplicationId = id, ReviewerId = "rosa" });
        await Until(async () => (await rosa.Get($"/applications/{id}")).StatusCode == HttpStatusCode.OK, "rosa is cleared");
        Assert.Equal(HttpStatusCode.OK, (await rosa.Get($"/applications/{id}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rafael.Get($"/applications/{id}")).StatusCode);

        await host.Bus.Publish(new ReviewerReleased { MessageId = Guid.NewGuid(), CorrelationId = id, ApplicationId = id, ReviewerId = "rosa" });
        await Until(async () => (await rosa.Get($"/applications/{id}")).StatusCode == HttpStatusCode.NotFound, "rosa is released");
    }

    [Fact]
    public async Task Should_see_no_organisation_list_or_record_beyond_what_is_assigned()
    {
        var organisation = await host.RegisterOrganisation();
        using var reviewer = host.As("reviewer", "rosa");
        using var auditor = host.As("auditor", "aline");

        foreach (var path in new[] { $"/organisations/{organisation}", "/organisations", "/applications", "/applications/counts" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Get(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.Get(path)).StatusCode);
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }
}

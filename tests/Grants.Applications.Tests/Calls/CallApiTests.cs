using System.Net;
using Grants.Applications.Calls;
using Grants.Contracts.Calls;

namespace Grants.Applications.Tests.Calls;

public sealed class CallApiTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly string[] Astrology = ["astrology"];
    private static readonly string[] Nowhere = ["ZZ"];

    [Fact]
    public async Task Should_open_a_call_with_the_default_rules_and_publish_them()
    {
        await using var probe = await BusProbe.Listen<Contracts.Calls.CallOpened>(host.RabbitMq);
        using var officer = host.Officer();
        var deadline = host.Clock.GetUtcNow().AddDays(30);

        var created = await (await officer.Post("/calls", CallSteps.NewCall(deadline, "PB-OPEN"))).Json200(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var opened = await (await officer.Post($"/calls/{id}/open")).Json200();

        Assert.Equal("Open", opened.GetProperty("status").GetString());
        // Calls the class's other tests opened may still be on their way from the relay.
        var published = await probe.Next();
        while (published.GetProperty("callId").GetGuid() != id)
        {
            published = await probe.Next();
        }

        Assert.Equal(id, published.GetProperty("correlationId").GetGuid());
        var rules = published.GetProperty("rules");
        Assert.Equal(7m, rules.GetProperty("indirectCostCapPercent").Decimal());
        Assert.Equal(24, rules.GetProperty("maxDurationMonths").GetInt32());
        Assert.Equal((80m, 90m), (rules.GetProperty("payments").GetProperty("preFinancingPercent").Decimal(), rules.GetProperty("payments").GetProperty("preFinancingCapPercent").Decimal()));
        Assert.Equal(5, rules.GetProperty("criteria").GetArrayLength());
        Assert.Equal(deadline.ToUnixTimeMilliseconds(), rules.GetProperty("submissionDeadline").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Should_edit_a_draft_only_with_the_version_last_read()
    {
        using var officer = host.Officer();
        var deadline = host.Clock.GetUtcNow().AddDays(30);
        var created = await officer.Post("/calls", CallSteps.NewCall(deadline, "PB-EDIT"));
        var id = (await created.Json200(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var edited = await officer.Put($"/calls/{id}", CallSteps.NewCall(deadline, "PB-EDIT", new { maxDurationMonths = 18 }), created.ETag());
        var stale = await officer.Put($"/calls/{id}", CallSteps.NewCall(deadline, "PB-EDIT", new { maxDurationMonths = 12 }), created.ETag());

        Assert.Equal(18, (await edited.Json200()).GetProperty("rules").GetProperty("maxDurationMonths").GetInt32());
        await stale.Problem(HttpStatusCode.PreconditionFailed, "stream.concurrency_conflict");
    }

    [Fact]
    public async Task Should_list_every_invalid_rule_at_once_and_create_nothing()
    {
        using var officer = host.Officer();
        var before = await host.Scalar<long>("select count(*) from {s}.calls");

        var response = await officer.Post("/calls", CallSteps.NewCall(host.Clock.GetUtcNow().AddDays(3), "PB-BAD", new
        {
            envelope = -5m,
            themes = Astrology,
            countries = Nowhere,
            timeZone = "Mars/Olympus",
            payments = new { preFinancingPercent = 95m, preFinancingCapPercent = 90m },
        }));

        var problem = await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        Assert.Equal(["countries", "envelope", "maximumGrant", "payments.preFinancingCapPercent", "themes", "timeZone"], problem.Fields());
        Assert.Equal(before, await host.Scalar<long>("select count(*) from {s}.calls"));
    }

    [Fact]
    public async Task Should_let_only_officers_manage_calls()
    {
        using var applicant = host.Applicant(Guid.NewGuid());
        using var auditor = host.As("auditor");

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Post("/calls", CallSteps.NewCall(host.Clock.GetUtcNow().AddDays(3)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post("/calls", CallSteps.NewCall(host.Clock.GetUtcNow().AddDays(3)))).StatusCode);
    }

    [Fact]
    public async Task Should_show_applicants_open_calls_and_invitations_only_to_the_invited()
    {
        var invited = Guid.NewGuid();
        var deadline = host.Clock.GetUtcNow().AddDays(40);
        var open = await host.OpenCall(deadline);
        var byInvitation = await host.OpenCall(deadline, new { byInvitationOnly = true, invitedOrganisations = new[] { invited } });
        using var officer = host.Officer();
        var draft = (await (await officer.Post("/calls", CallSteps.NewCall(deadline, "PB-DRAFT"))).Json200(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var guest = host.Applicant(invited);
        using var stranger = host.Applicant(Guid.NewGuid());

        var seenByGuest = await Ids(guest);
        var seenByStranger = await Ids(stranger);

        Assert.Contains(open, seenByGuest);
        Assert.Contains(byInvitation, seenByGuest);
        Assert.DoesNotContain(draft, seenByGuest);
        Assert.Contains(open, seenByStranger);
        Assert.DoesNotContain(byInvitation, seenByStranger);
        await (await stranger.Get($"/calls/{byInvitation}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await stranger.Get($"/calls/{draft}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        Assert.Contains(draft, await Ids(officer));
    }

    [Fact]
    public async Task Should_close_early_with_a_reason_and_publish_it()
    {
        await using var probe = await BusProbe.Listen<Contracts.Calls.CallClosed>(host.RabbitMq);
        var id = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var officer = host.Officer();

        await (await officer.Post($"/calls/{id}/close", new { })).Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        var closed = await (await officer.Post($"/calls/{id}/close", new { reason = "budget frozen" })).Json200();

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var published = await probe.Next();
        Assert.Equal((id, true, "budget frozen"), (published.GetProperty("callId").GetGuid(), published.GetProperty("closedEarly").GetBoolean(), published.GetProperty("reason").GetString()));
    }

    private static async Task<IReadOnlyList<Guid>> Ids(HttpClient client)
    {
        var page = await (await client.Get("/calls?pageSize=200")).Json200();
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}

public sealed class When_a_call_reaches_its_deadline(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Should_be_closed_by_the_schedule_and_publish_it()
    {
        await using var probe = await BusProbe.Listen<Contracts.Calls.CallClosed>(host.RabbitMq);
        var deadline = host.Clock.GetUtcNow().AddDays(20);
        var id = await host.OpenCall(deadline);
        // The trigger is written by a subscription a moment after the call opens.
        await Eventually(async () => await host.Scalar<long>("select count(*) from {s}.qrtz_triggers") == 1);

        host.Clock.Set(deadline.AddSeconds(1));

        var published = await probe.Next();
        Assert.Equal((id, false), (published.GetProperty("callId").GetGuid(), published.GetProperty("closedEarly").GetBoolean()));
        using var officer = host.Officer();
        var call = await (await officer.Get($"/calls/{id}")).Json200();
        Assert.Equal("Closed", call.GetProperty("status").GetString());
        Assert.Equal(3L, await host.Scalar<long>("select count(*) from {s}.events where stream_id = $1", id));
    }

    internal static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(100);
        }
    }
}

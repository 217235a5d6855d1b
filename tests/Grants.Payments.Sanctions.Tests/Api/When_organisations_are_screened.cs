using System.Net;
using Grants.Hosting.Http;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Payments.Sanctions.Tests.Api.Screenings;

namespace Grants.Payments.Sanctions.Tests.Api;

public sealed class When_organisations_are_screened(PaymentsHost host) : IClassFixture<PaymentsHost>, IAsyncLifetime
{
    private readonly HttpClient _finance = host.As("finance", "fiona");

    private IPaymentScreening Payments => host.Services.GetRequiredService<IPaymentScreening>();

    public Task InitializeAsync() => host.ImportSamples();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_block_payments_to_an_NGO_named_as_an_alias_of_a_listed_entity_until_finance_dismisses_the_hit()
    {
        var organisation = Guid.NewGuid();
        await host.Register(organisation, "Nour Relief & Development Foundation ASBL", "Nour Relief & Development Foundation ASBL");

        var (subject, _) = await host.Screening(organisation, HasHits, "the registration's screening");
        var hit = Assert.Single(Hits(subject));
        var blocked = await Payments.ScreenForPayment(organisation, CancellationToken.None);

        Assert.Equal("QDe.950", hit.GetProperty("reference").GetString());
        Assert.Equal("Nour Relief and Development Foundation", hit.GetProperty("listedName").GetString());
        Assert.False(blocked.Cleared);
        Assert.StartsWith("sanctions_hit:", blocked.Reason, StringComparison.Ordinal);
        Assert.Equal(2, blocked.ListVersions.Count);
        var queue = await (await _finance.Get("/sanctions/hits")).Json(HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), h => h.GetProperty("organisationId").GetGuid() == organisation);

        var hitId = hit.GetProperty("hitId").GetGuid();
        // The payment's screening is recorded too, so the version to decide on is read again.
        var etag = (await _finance.Get($"/sanctions/organisations/{organisation}")).Headers.ETag!.ToString();
        var decided = await (await _finance.PostJson($"/sanctions/hits/{hitId}/decision",
            new { decision = "false_positive", justification = "Registered Belgian ASBL since 1998; statutes, founders and address differ from the listed front." }, etag))
            .Json(HttpStatusCode.OK);
        var cleared = await Payments.ScreenForPayment(organisation, CancellationToken.None);

        Assert.True(decided.GetProperty("cleared").GetBoolean());
        Assert.True(cleared.Cleared);
        Assert.Null(cleared.Reason);
        Assert.Equal(blocked.ListVersions, cleared.ListVersions);
        Assert.Equal(3L, await host.Scalar<long>(
            "select count(*) from {s}.events where type = 'sanctions.organisation_screened' and data->>'organisationId' = $1 and jsonb_array_length(data->'listVersions') = 2",
            organisation.ToString()));
        Assert.Equal("false_positive", await host.Scalar<string>("select status from {s}.sanctions_hits where hit_id = $1", hitId));
    }

    [Fact]
    public async Task Should_refuse_a_decision_without_justification_or_if_match_or_on_a_stale_version()
    {
        var organisation = Guid.NewGuid();
        await host.Register(organisation, "Kivu Minerals Trading Co.", "Jean Mukendi");
        var (subject, etag) = await host.Screening(organisation, HasHits, "the registration's screening");
        var hitId = Hits(subject).First().GetProperty("hitId").GetGuid();
        var path = $"/sanctions/hits/{hitId}/decision";
        var valid = new { decision = "false_positive", justification = "A different company registered in Kinshasa in 2015." };

        var invalid = await (await _finance.PostJson(path, new { decision = "maybe", justification = "no" }, etag)).Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        await (await _finance.PostJson(path, valid)).Problem(HttpStatusCode.PreconditionRequired, ProblemCodes.IfMatchRequired);
        await (await _finance.PostJson(path, valid, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stream.concurrency_conflict");
        await (await _finance.PostJson($"/sanctions/hits/{Guid.NewGuid()}/decision", valid, etag)).Problem(HttpStatusCode.NotFound, "sanctions.hit_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As("approver").PostJson(path, valid, etag)).StatusCode);

        Assert.True(invalid.GetProperty("errors").TryGetProperty("decision", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("justification", out _));
        Assert.False((await Payments.ScreenForPayment(organisation, CancellationToken.None)).Cleared);
    }

    [Fact]
    public async Task Should_escalate_a_confirmed_hit_and_keep_payments_blocked()
    {
        var organisation = Guid.NewGuid();
        await host.Register(organisation, "Sahel Water Initiative", "Abdulrahman Mohamed Hussein el-Masri");
        var (subject, etag) = await host.Screening(organisation, HasHits, "the account holder's screening");
        var hit = Hits(subject).First(h => h.GetProperty("source").GetString() == "UN");
        Assert.Equal("account_holder", hit.GetProperty("role").GetString());
        var path = $"/sanctions/hits/{hit.GetProperty("hitId").GetGuid()}/decision";

        var confirmed = await (await _finance.PostJson(path, new { decision = "confirmed", justification = "Passport number on the bank file matches QDi.901." }, etag))
            .Json(HttpStatusCode.OK);
        await (await _finance.PostJson(path, new { decision = "false_positive", justification = "Changed my mind about this one." }, $"\"{int.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1}\""))
            .Problem(HttpStatusCode.Conflict, "sanctions.hit_already_confirmed");
        var verdict = await Payments.ScreenForPayment(organisation, CancellationToken.None);

        Assert.False(confirmed.GetProperty("cleared").GetBoolean());
        Assert.False(verdict.Cleared);
        Assert.StartsWith("sanctions_confirmed:", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, await host.Scalar<long>(
            "select count(*) from {s}.events where type = 'sanctions.hit_confirmed' and data->>'organisationId' = $1 and headers->>'user' = 'fiona'",
            organisation.ToString()));
    }

    [Fact]
    public async Task Should_clear_an_organisation_that_matches_nothing_and_screen_the_partners_it_names()
    {
        var organisation = Guid.NewGuid();
        await host.Register(organisation, "Caritas Kivu", "Caritas Kivu");
        await host.Screening(organisation, s => s.GetProperty("listVersions").GetArrayLength() == 2, "the registration's screening");
        Assert.True((await Payments.ScreenForPayment(organisation, CancellationToken.None)).Cleared);

        await host.Submit(organisation, "Kivu Women for Peace", "Kivu Minerals Trading Company");
        var (subject, _) = await host.Screening(organisation, HasHits, "the partners' screening");

        var hit = Assert.Single(Hits(subject));
        Assert.Equal("partner", hit.GetProperty("role").GetString());
        Assert.Equal("CDe.051", hit.GetProperty("reference").GetString());
        Assert.False((await Payments.ScreenForPayment(organisation, CancellationToken.None)).Cleared);
        var manual = await (await _finance.PostJson($"/sanctions/organisations/{organisation}/screenings", new { })).Json(HttpStatusCode.OK);
        Assert.False(manual.GetProperty("cleared").GetBoolean());
        Assert.StartsWith("sanctions_hit:", manual.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As("officer").PostJson($"/sanctions/organisations/{organisation}/screenings", new { })).StatusCode);
        Assert.Equal(1L, await host.Scalar<long>(
            "select count(*) from {s}.events where type = 'sanctions.organisation_screened' and data->>'trigger' = 'manual' and data->>'organisationId' = $1",
            organisation.ToString()));
    }

    [Fact]
    public async Task Should_take_effect_once_when_a_message_is_delivered_twice()
    {
        var organisation = Guid.NewGuid();
        var first = await host.Register(organisation, "Caritas Kivu", "Caritas Kivu");
        await host.Screening(organisation, _ => true, "the registration's screening");

        await host.Publish(first);
        // Same correlation, so same partition queue: handled after the duplicate.
        var marker = Guid.NewGuid();
        await host.Register(marker, "Kivu Women for Peace", "Kivu Women for Peace", correlationId: organisation);
        await host.Screening(marker, _ => true, "the marker's screening");

        Assert.Equal(1L, await host.Scalar<long>(
            "select count(*) from {s}.events where type = 'sanctions.subject_recorded' and data->>'organisationId' = $1", organisation.ToString()));
    }

    [Fact]
    public async Task Should_not_clear_a_payment_to_an_organisation_never_registered()
    {
        var verdict = await Payments.ScreenForPayment(Guid.NewGuid(), CancellationToken.None);

        Assert.False(verdict.Cleared);
        Assert.StartsWith("sanctions_unscreened:", verdict.Reason, StringComparison.Ordinal);
        await (await _finance.Get($"/sanctions/organisations/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
    }
}

using System.Net;
using Grants.Contracts.Organisations;
using Grants.Payments.Sanctions.Screening;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

/// <summary>The sanctions screening here is the real one (the sample lists are imported at start); only the payment-time verdict is the test's.</summary>
[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_sanctions_hit_is_confirmed(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_freeze_the_organisation_s_open_grant_block_its_approved_tranche_and_publish_the_escalation()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Approve(1)).StatusCode);

        var hit = await ConfirmUnHit(scenario, desk);

        var grant = await scenario.Grant();
        var tranche = Tranche(grant, 1);
        var reason = grant.GetProperty("frozenReason").GetString();
        Assert.StartsWith("sanctions_confirmed:", reason, StringComparison.Ordinal);
        Assert.Equal(("blocked", GrantDecider.FrozenCode, reason), (tranche.GetProperty("status").GetString(), tranche.GetProperty("blockCode").GetString(), tranche.GetProperty("blockReason").GetString()));
        await (await desk.Prepare(1, 48_000m)).Problem(HttpStatusCode.Conflict, "grant.frozen");
        var listed = await (await scenario.Officer.GetAsync(new Uri($"/grants?callId={scenario.CallId}", UriKind.Relative))).Json();
        Assert.True(Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("frozen").GetBoolean());

        var frozen = await _payments.Contract<Contracts.Payments.GrantFrozen>(scenario.GrantId);
        var escalation = await _payments.Contract<Contracts.Sanctions.SanctionsHitConfirmed>(ScreeningSubject.StreamId(scenario.OrganisationId));
        var blocked = await _payments.Contract<Contracts.Payments.PaymentBlocked>(scenario.GrantId);
        Assert.Equal((scenario.ApplicationId, scenario.OrganisationId, hit, reason), (frozen.CorrelationId, frozen.OrganisationId, frozen.HitId, frozen.Reason));
        Assert.Equal((scenario.OrganisationId, hit, "QDi.901", "fiona"), (escalation.CorrelationId, escalation.HitId, escalation.Reference, escalation.DecidedBy.UserId));
        Assert.Equal(GrantDecider.FrozenCode, blocked.ReasonCode);
    }

    [Fact]
    public async Task Should_freeze_a_grant_that_opens_after_the_hit_was_confirmed_and_block_its_first_tranche()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.OpenCall();
        await scenario.Register();
        await Until(async () => (await scenario.Officer.GetAsync(new Uri($"/calls/{scenario.CallId}/ledger", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "the call is known");
        var hit = await ConfirmUnHit(scenario, desk);

        await _payments.Publish(scenario.Submitted(12));
        await _payments.Publish(scenario.Awarded(60_000m));
        await _payments.Publish(scenario.AgreementSigned());

        var grant = await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "blocked", "the first tranche falls due blocked");
        var reason = grant.GetProperty("frozenReason").GetString();
        Assert.StartsWith("sanctions_confirmed:", reason, StringComparison.Ordinal);
        Assert.Contains("QDi.901", reason, StringComparison.Ordinal);
        Assert.Equal(GrantDecider.FrozenCode, Tranche(grant, 1).GetProperty("blockCode").GetString());
        await (await desk.Prepare(1, 48_000m)).Problem(HttpStatusCode.Conflict, "grant.frozen");
        var frozen = await _payments.Contract<Contracts.Payments.GrantFrozen>(scenario.GrantId);
        Assert.Equal((hit, reason), (frozen.HitId, frozen.Reason));
    }

    /// <summary>The account holder becomes a UN-listed name; finance confirms the hit its screening finds.</summary>
    private static async Task<Guid> ConfirmUnHit(Scenario scenario, Desk desk)
    {
        await scenario.ChangeAccount(Account with { HolderName = "Abdulrahman Mohamed Hussein el-Masri" }, verified: true);
        var hit = await UnHit(desk.Finance, scenario.OrganisationId);
        var subject = $"/sanctions/organisations/{scenario.OrganisationId}";
        var etag = (await desk.Finance.GetAsync(new Uri(subject, UriKind.Relative))).Headers.ETag!.ToString();
        var decision = new { decision = "confirmed", justification = "Passport number on the bank file matches QDi.901." };
        await (await Desk.Post(desk.Finance, $"/sanctions/hits/{hit}/decision", decision, etag)).Json();
        return hit;
    }

    /// <summary>The UN hit the account holder's screening finds, once the change has been screened.</summary>
    private static async Task<Guid> UnHit(HttpClient finance, Guid organisation)
    {
        var hit = Guid.Empty;
        await Until(async () =>
        {
            var response = await finance.GetAsync(new Uri($"/sanctions/organisations/{organisation}", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var found = (await response.Json()).GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("source").GetString() == "UN").ToList();
            hit = found.Count > 0 ? found[0].GetProperty("hitId").GetGuid() : Guid.Empty;
            return found.Count > 0;
        }, "the account holder's screening finds the UN entry");
        return hit;
    }
}

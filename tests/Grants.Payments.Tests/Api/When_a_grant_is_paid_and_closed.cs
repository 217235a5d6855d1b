using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Contracts.Reports;
using Grants.Hosting.Messaging;
using Grants.Payments.Tests.Batches;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_grant_is_paid_and_closed(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_pay_the_pre_financing_and_the_balance_with_two_signatures_each_then_close()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        var grant = await scenario.ActiveGrant(60_000m, 12);
        Assert.Equal(48_000m, Tranche(grant, 1).GetProperty("amount").GetProperty("amount").GetDecimal());

        var prepared = await (await desk.Prepare(1, 48_000m)).Json();
        Assert.Equal("prepared", Tranche(prepared, 1).GetProperty("status").GetString());
        await (await desk.Approve(1, _payments.As("approver", "fiona"))).Problem(HttpStatusCode.UnprocessableEntity, "tranche.same_person");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Approve(1, desk.Finance)).StatusCode);
        var approved = await (await desk.Approve(1)).Json();
        Assert.Equal(("approved", "anna"), (Tranche(approved, 1).GetProperty("status").GetString(), Tranche(approved, 1).GetProperty("approvedBy").GetString()));

        var batch = await desk.Batch();
        var file = await desk.Export(batch);
        Assert.Empty(When_a_batch_is_written_as_pain001.SchemaErrors(file));
        Assert.Equal(file, await desk.Export(batch));
        Assert.Equal(file, await desk.Finance.GetByteArrayAsync(new Uri($"/payment-batches/{batch}/file", UriKind.Relative)));
        var text = System.Text.Encoding.UTF8.GetString(file);
        Assert.Contains($"<EndToEndId>{EndToEndIds.For(scenario.GrantId, 1)}</EndToEndId>", text, StringComparison.Ordinal);
        Assert.Contains("<Ustrd>Grant PB-2026-01 Mediation in Bangui - tranche 1 of 2</Ustrd>", text, StringComparison.Ordinal);
        Assert.Contains($"<IBAN>{PaymentsInstance.DebtorIban}</IBAN>", text, StringComparison.Ordinal);
        Assert.Equal("executed", (await (await desk.Execute(batch, "BANK-2026-0001")).Json()).GetProperty("status").GetString());

        var paid = await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "paid", "the pre-financing is paid");
        Assert.Equal("BANK-2026-0001", Tranche(paid, 1).GetProperty("bankReference").GetString());

        await _payments.Publish(scenario.Approved(ReportKind.Final, 58_000m));
        var closing = await scenario.GrantWhen(g => Tranche(g, 2).GetProperty("status").GetString() == "due", "the balance is due");
        Assert.Equal(("closing", 10_000m), (closing.GetProperty("status").GetString(), Tranche(closing, 2).GetProperty("amount").GetProperty("amount").GetDecimal()));
        await desk.Pay(2, 10_000m);

        var closed = await scenario.GrantWhen(g => g.GetProperty("status").GetString() == "closed", "the grant is closed");
        Assert.Equal(58_000m, closed.GetProperty("paid").GetProperty("amount").GetDecimal());
        var ledger = await (await scenario.Officer.GetAsync(new Uri($"/calls/{scenario.CallId}/ledger", UriKind.Relative))).Json();
        Assert.Equal(
            (58_000m, 58_000m, 0m, 942_000m, 1),
            (Amount(ledger, "committed"), Amount(ledger, "paid"), Amount(ledger, "recovered"), Amount(ledger, "remaining"), ledger.GetProperty("grants").GetInt32()));
        Assert.Equal(
            ["GrantOpened", "TrancheDue", "PaymentExecuted", "TrancheDue", "PaymentExecuted", "GrantClosed"],
            await Published(scenario.GrantId));
    }

    [Fact]
    public async Task Should_publish_the_grant_its_due_tranche_and_its_payment_on_the_bus_once_each()
    {
        var scenario = new Scenario(_payments);
        await using var tap = await BusTap.Open(
            world.RabbitMq, scenario.ApplicationId,
            "Grants.Contracts.Ledger:GrantOpened", "Grants.Contracts.Payments:TrancheDue", "Grants.Contracts.Payments:PaymentExecuted");
        await scenario.ActiveGrant();
        await new Desk(_payments, world, scenario).Pay(1, 48_000m);

        await Until(() => Task.FromResult(tap.Of("PaymentExecuted").Count > 0), "the payment is on the bus");
        // Long enough for the relay's next rounds: a second copy would be there by now.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(scenario.GrantId, Assert.Single(tap.Of("GrantOpened")).GetProperty("grantId").GetGuid());
        // MassTransit writes decimals as strings, so no precision is lost on the way.
        var due = Assert.Single(tap.Of("TrancheDue")).GetProperty("amount").GetProperty("amount");
        Assert.Equal(48_000m, decimal.Parse(due.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var executed = Assert.Single(tap.Of("PaymentExecuted"));
        Assert.Equal(
            (scenario.ApplicationId, 1, EndToEndIds.For(scenario.GrantId, 1)),
            (executed.GetProperty("correlationId").GetGuid(), executed.GetProperty("trancheNumber").GetInt32(), executed.GetProperty("endToEndId").GetString()));
    }

    [Fact]
    public async Task Should_order_a_recovery_when_less_was_spent_than_pre_financed()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant(60_000m, 12);
        await desk.Pay(1, 48_000m);

        await _payments.Publish(scenario.Approved(ReportKind.Final, 45_500m));

        var closed = await scenario.GrantWhen(g => g.GetProperty("status").GetString() == "closed", "the grant is closed");
        Assert.Equal(2_500m, closed.GetProperty("recovered").GetProperty("amount").GetDecimal());
        var ledger = await (await scenario.Officer.GetAsync(new Uri($"/calls/{scenario.CallId}/ledger", UriKind.Relative))).Json();
        Assert.Equal((45_500m, 48_000m, 2_500m), (Amount(ledger, "committed"), Amount(ledger, "paid"), Amount(ledger, "recovered")));
        Assert.Contains("RecoveryOrdered", await Published(scenario.GrantId));
    }

    [Fact]
    public async Task Should_make_the_next_tranche_due_after_an_interim_report_with_the_70_percent_rule()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant(200_000m, 24);
        await desk.Pay(1, 100_000m);

        await _payments.Publish(scenario.Approved(ReportKind.Interim, 60_000m));

        var grant = await scenario.GrantWhen(g => Tranche(g, 2).GetProperty("status").GetString() == "due", "the second tranche is due");
        Assert.Equal(40_000m, Tranche(grant, 2).GetProperty("amount").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Should_show_an_applicant_its_own_grant_and_nobody_else_s()
    {
        var scenario = new Scenario(_payments);
        await scenario.ActiveGrant();

        var own = await _payments.As("applicant", "ngo-1", scenario.OrganisationId).GetAsync(new Uri($"/grants/{scenario.GrantId}", UriKind.Relative));
        var other = await _payments.As("applicant", "ngo-2", Guid.NewGuid()).GetAsync(new Uri($"/grants/{scenario.GrantId}", UriKind.Relative));
        var list = await (await _payments.As("applicant", "ngo-2", Guid.NewGuid()).GetAsync(new Uri("/grants", UriKind.Relative))).Json();

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await other.Problem(HttpStatusCode.NotFound, "stream.not_found");
        Assert.Equal(0, list.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await _payments.As("applicant", "ngo-1", scenario.OrganisationId).GetAsync(new Uri($"/calls/{scenario.CallId}/ledger", UriKind.Relative))).StatusCode);
    }

    private static decimal Amount(JsonElement ledger, string name) => ledger.GetProperty(name).GetProperty("amount").GetDecimal();

    /// <summary>The contracts the relay publishes for the grant's events, through the service's own Publish mapping.</summary>
    private async Task<IReadOnlyList<string>> Published(Guid grantId)
    {
        var map = _payments.Services.GetRequiredService<IntegrationMap>();
        var store = _payments.Services.GetRequiredService<EventSourcing.EventStore>();
        var names = new List<string>();
        await foreach (var stored in store.ReadStream(grantId))
        {
            if (map.Map(stored) is { } contract)
            {
                Assert.Equal(scenario(contract), contract.CorrelationId);
                names.Add(contract.GetType().Name);
            }
        }

        return names;

        static Guid scenario(IntegrationEvent contract) => (Guid)contract.GetType().GetProperty("ApplicationId")!.GetValue(contract)!;
    }
}

using System.Net;
using Grants.Contracts.Organisations;
using Grants.Contracts.Reports;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_payment_is_blocked(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_block_on_a_sanctions_hit_at_approval_with_the_lists_used_and_say_so_on_the_bus()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
        world.Screening.Hit(scenario.OrganisationId, "account holder matches UN entry QDe.999");
        try
        {
            var blocked = Tranche(await (await desk.Approve(1)).Json(), 1);

            Assert.Equal(("blocked", "sanctions_hit"), (blocked.GetProperty("status").GetString(), blocked.GetProperty("blockCode").GetString()));
            var contract = await _payments.Contract<Contracts.Payments.PaymentBlocked>(scenario.GrantId);
            Assert.Equal(("sanctions_hit", "account holder matches UN entry QDe.999"), (contract.ReasonCode, contract.Reason));
            Assert.Equal(TestScreening.Lists, contract.ListVersions);
            await (await desk.Approve(1)).Problem(HttpStatusCode.Conflict, "tranche.not_prepared");
        }
        finally
        {
            world.Screening.Clear(scenario.OrganisationId);
        }

        Assert.Equal("prepared", Tranche(await (await desk.Prepare(1, 48_000m)).Json(), 1).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_block_until_changed_bank_details_are_verified()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        var changed = new BankAccount("BE71096123456769", "GKCCBEBB", "Femmes pour la Paix asbl");

        await scenario.ChangeAccount(changed, verified: false);
        await Until(async () => await AccountRecords(scenario) == 2, "the change is recorded");
        var blocked = Tranche(await (await desk.Prepare(1, 48_000m)).Json(), 1);
        Assert.Equal("bank_details_unverified", blocked.GetProperty("blockCode").GetString());

        await scenario.ChangeAccount(changed, verified: true);
        await Until(async () => await AccountRecords(scenario) == 3, "the verification is recorded");
        Assert.Equal("prepared", Tranche(await (await desk.Prepare(1, 48_000m)).Json(), 1).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_block_every_payment_while_a_report_is_overdue()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        var report = Guid.NewGuid();

        await _payments.Publish(scenario.Overdue(report));
        var blocked = await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "blocked", "the tranche is blocked");
        Assert.Equal("report_overdue", Tranche(blocked, 1).GetProperty("blockCode").GetString());
        await (await desk.Prepare(1, 48_000m)).Problem(HttpStatusCode.UnprocessableEntity, "payment.report_overdue");

        await _payments.Publish(scenario.Approved(ReportKind.Interim, 20_000m, report));
        await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "due", "the tranche is due again");
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
    }

    private Task<long> AccountRecords(Scenario scenario) =>
        world.Count("select count(*) from {s}.events where stream_id = $1 and type = 'payments.bank_account_recorded'", scenario.OrganisationId);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Contracts.Reports;
using Grants.Hosting.Http;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

/// <summary>A tranche is paid at most once, whatever is repeated: messages, instances, a stop mid-way, HTTP retries.</summary>
[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_payment_could_happen_twice(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_open_one_grant_and_make_each_tranche_due_once_when_messages_are_redelivered_and_reordered()
    {
        var scenario = new Scenario(_payments);
        await scenario.OpenCall();
        await scenario.Register();
        await Until(async () => (await scenario.Officer.GetAsync(new Uri($"/calls/{scenario.CallId}/ledger", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "the call is known");
        var submitted = scenario.Submitted(12);
        var awarded = scenario.Awarded(60_000m);
        var signed = scenario.AgreementSigned();
        var report = Guid.NewGuid();
        var final = scenario.Approved(ReportKind.Final, 30_000m, report);

        // The agreement and the award overtake the submission; every message comes twice.
        await _payments.Publish(signed);
        await _payments.Publish(awarded);
        await _payments.Publish(signed);
        await _payments.Publish(awarded);
        await _payments.Publish(submitted);
        await _payments.Publish(submitted);
        await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "due", "the first tranche is due");
        // The same approval again under a new message id, as an upstream re-publish would send it.
        await _payments.Publish(final);
        await _payments.Publish(final);
        var republished = final with { MessageId = Guid.NewGuid() };
        await _payments.Publish(republished);
        await scenario.GrantWhen(g => Tranche(g, 2).GetProperty("status").GetString() == "due", "the balance is due");
        await Until(async () => await world.Count(
            "select count(*) from {s}.inbox where consumer = 'payments.report-assessed' and message_id in ($1, $2)", final.MessageId, republished.MessageId) == 2,
            "both approvals were handled");

        Assert.Equal(1, await Events(scenario, "payments.grant_opened"));
        Assert.Equal(1, await Events(scenario, "payments.agreement_signed"));
        Assert.Equal(2, await Events(scenario, "payments.tranche_due"));
        Assert.Equal(1, await Events(scenario, "payments.report_approved"));
        Assert.Equal(30_000m, Tranche(await scenario.Grant(), 2).GetProperty("amount").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Should_put_each_tranche_in_one_batch_and_pay_it_once_with_two_instances_racing()
    {
        await using var second = await world.Start("second");
        var scenarios = new List<Scenario>();
        for (var i = 0; i < 3; i++)
        {
            var scenario = new Scenario(_payments);
            var desk = new Desk(_payments, world, scenario);
            await scenario.ActiveGrant();
            Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await desk.Approve(1)).StatusCode);
            scenarios.Add(scenario);
        }

        var finance = new[] { _payments.As("finance", "fiona"), second.As("finance", "fiona"), _payments.As("finance", "frank"), second.As("finance", "frank") };
        var created = await Task.WhenAll(finance.Select(client => Desk.Post(client, "/payment-batches", new { })));

        Assert.All(created, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var batches = new List<Guid>();
        foreach (var response in created.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            batches.Add((await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        foreach (var scenario in scenarios)
        {
            Assert.Equal(1, await Events(scenario, "payments.tranche_batched"));
        }

        var desks = new[] { new Desk(_payments, world, scenarios[0]), new Desk(second, world, scenarios[0]) };
        foreach (var batch in batches)
        {
            await desks[0].Export(batch);
            var confirmations = await Task.WhenAll(desks.SelectMany(d => new[] { d.Execute(batch, "BANK-RACE"), d.Execute(batch, "BANK-RACE") }));
            Assert.Contains(confirmations, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(confirmations, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        }

        foreach (var scenario in scenarios)
        {
            Assert.Equal(1, await Events(scenario, "payments.tranche_paid"));
            Assert.Equal("paid", Tranche(await scenario.Grant(), 1).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Should_export_the_same_file_and_pay_once_when_an_instance_stops_between_export_and_confirmation()
    {
        var before = await world.Start("before");
        var scenario = new Scenario(before);
        var desk = new Desk(before, world, scenario);
        await scenario.ActiveGrant();
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Approve(1)).StatusCode);
        var batch = await desk.Batch();
        var file = await desk.Export(batch);
        await before.DisposeAsync();

        await using var after = await world.Start("after");
        var again = new Desk(after, world, scenario);
        Assert.Equal(file, await again.Export(batch));
        await (await again.Execute(batch, "BANK-AFTER-STOP")).Json();
        await (await again.Execute(batch, "BANK-AFTER-STOP")).Json();
        await (await again.Execute(batch, "BANK-OTHER")).Problem(HttpStatusCode.Conflict, "batch.already_executed");

        Assert.Equal(file, await again.Export(batch));
        Assert.Equal(1, await Events(scenario, "payments.tranche_batched"));
        Assert.Equal(1, await Events(scenario, "payments.tranche_paid"));
        Assert.Equal(1, await world.Count("select count(*) from {s}.events where stream_id = $1 and type = 'payments.batch_executed'", batch));
    }

    [Fact]
    public async Task Should_answer_a_retried_request_as_the_first_and_act_once()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        var seen = await desk.ETag();
        var preparation = new { amount = 48_000m, currency = "EUR", executionDate = desk.Today };
        Assert.Equal(HttpStatusCode.OK, (await Desk.Post(desk.Finance, $"/grants/{scenario.GrantId}/tranches/1/preparation", preparation, seen)).StatusCode);
        // The same signature again changes nothing; a different one based on the stale version is refused.
        Assert.Equal(HttpStatusCode.OK, (await Desk.Post(desk.Finance, $"/grants/{scenario.GrantId}/tranches/1/preparation", preparation, seen)).StatusCode);
        await (await Desk.Post(desk.Approver, $"/grants/{scenario.GrantId}/tranches/1/approval", new { }, seen)).Problem(HttpStatusCode.PreconditionFailed, "stream.concurrency_conflict");
        var approval = await desk.ETag();
        Assert.Equal(HttpStatusCode.OK, (await Desk.Post(desk.Approver, $"/grants/{scenario.GrantId}/tranches/1/approval", new { }, approval)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Desk.Post(desk.Approver, $"/grants/{scenario.GrantId}/tranches/1/approval", new { }, approval)).StatusCode);
        Assert.Equal(1, await Events(scenario, "payments.tranche_prepared"));
        Assert.Equal(1, await Events(scenario, "payments.tranche_approved"));

        var key = Guid.NewGuid().ToString();
        var first = await desk.CreateBatch(key);
        var retried = await desk.CreateBatch(key);
        var batch = (await first.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(batch, (await retried.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.True(retried.Headers.Contains(IdempotencyKeys.ReplayedHeader));

        await desk.Export(batch);
        var confirmation = Guid.NewGuid().ToString();
        await (await desk.Execute(batch, "BANK-RETRY", confirmation)).Json();
        var replayed = await desk.Execute(batch, "BANK-RETRY", confirmation);
        await replayed.Json();
        Assert.True(replayed.Headers.Contains(IdempotencyKeys.ReplayedHeader));

        Assert.Equal(1, await Events(scenario, "payments.tranche_batched"));
        Assert.Equal(1, await Events(scenario, "payments.tranche_paid"));
    }

    private Task<long> Events(Scenario scenario, string type) =>
        world.Count("select count(*) from {s}.events where stream_id = $1 and type = $2", scenario.GrantId, type);
}

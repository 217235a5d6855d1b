using System.Net;
using System.Net.Http.Headers;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

/// <summary>
/// The batch is made and exported by Payments running as a real process, which is then killed with
/// SIGKILL before the bank's confirmation arrives; a new process exports the same file again and
/// records the confirmation. The grant is set up by the world's in-process instance on the same
/// schema and virtual host, as one more instance of the service would be.
/// </summary>
[Collection(OnePaymentsWorld.Name)]
public sealed class When_the_service_is_killed_between_export_and_confirmation(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_export_the_same_file_after_the_restart_and_pay_each_tranche_exactly_once()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await using var tap = await BusTap.Open(world.RabbitMq, scenario.ApplicationId, "Grants.Contracts.Payments:PaymentExecuted");
        await scenario.ActiveGrant();
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Approve(1)).StatusCode);

        var first = await Start();
        Guid batch;
        byte[] exported;
        try
        {
            using var finance = Finance(first);
            var created = await (await Desk.Post(finance, "/payment-batches", new { })).Json(HttpStatusCode.Created);
            batch = created.GetProperty("id").GetGuid();
            Assert.Contains(created.GetProperty("payments").EnumerateArray(), p => p.GetProperty("grantId").GetGuid() == scenario.GrantId);
            exported = await Export(finance, batch);
        }
        finally
        {
            Assert.Equal(137, await first.Kill());
        }

        await using var second = await Start();
        using var again = Finance(second);
        var reexported = await Export(again, batch);
        await (await Desk.Post(again, $"/payment-batches/{batch}/execution", new { bankReference = "BANK-CRASH-1", executedOn = desk.Today })).Json();
        // The confirmation retried, as a person would after an error page, and through the other instance.
        await (await Desk.Post(again, $"/payment-batches/{batch}/execution", new { bankReference = "BANK-CRASH-1", executedOn = desk.Today })).Json();
        await (await desk.Execute(batch, "BANK-CRASH-1")).Json();

        Assert.Equal(exported, reexported);
        var paid = Tranche(await scenario.Grant(), 1);
        Assert.Equal(("paid", "BANK-CRASH-1"), (paid.GetProperty("status").GetString(), paid.GetProperty("bankReference").GetString()));
        Assert.Equal(1L, await world.Count("select count(*) from {s}.events where stream_id = $1 and type = 'payments.tranche_paid'", scenario.GrantId));
        Assert.Equal(1L, await world.Count("select count(*) from {s}.events where stream_id = $1 and type = 'payments.batch_exported'", batch));
        Assert.Equal(48_000m, await world.Schema.Scalar<decimal>("select paid from {s}.ledger_grants where grant_id = $1", scenario.GrantId));
        await Until(() => Task.FromResult(!tap.Received.IsEmpty), "the payment is on the bus");
        // Long enough for the relay's next rounds: a second payment would be there by now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        // At least once to the bus: a copy re-sent after the crash would carry the same message id, and be dropped by every consumer.
        Assert.Single(tap.Of("PaymentExecuted").Select(m => m.GetProperty("messageId").GetGuid()).Distinct());
    }

    private Task<ServiceProcess> Start() => ServiceProcess.Start(ServiceDll(), new Dictionary<string, string?>
    {
        ["ConnectionStrings__Postgres"] = world.Schema.ConnectionString,
        ["ConnectionStrings__RabbitMq"] = world.RabbitMq.ToString(),
        ["Grants__Schema"] = world.Schema.Name,
        ["Auth__Issuer"] = TestTokens.Issuer,
        ["Auth__Audience"] = TestTokens.Audience,
        ["Auth__SigningKeyFile"] = TestTokens.KeyFile,
        ["Payments__Debtor__Name"] = "SPF Affaires étrangères – Peace Building",
        ["Payments__Debtor__Iban"] = PaymentsInstance.DebtorIban,
        ["Payments__Debtor__Bic"] = "GKCCBEBB",
        // No sanctions list import at start: this test is about the batch, and the import would only slow the start.
        ["Sanctions__UnPath"] = "",
        ["Sanctions__EuPath"] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Logging__LogLevel__Default"] = "Warning",
    }, TimeSpan.FromSeconds(60));

    private static HttpClient Finance(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("finance", "fiona"));
        return client;
    }

    private static async Task<byte[]> Export(HttpClient finance, Guid batch)
    {
        var response = await finance.PostAsync(new Uri($"/payment-batches/{batch}/export", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>services/Payments as this test run built it (the same configuration as the tests).</summary>
    private static string ServiceDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (!File.Exists(Path.Combine(root.FullName, "Grants.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException($"no Grants.sln above {AppContext.BaseDirectory}");
        }

        return Path.Combine(root.FullName, "services", "Payments", "bin", configuration, "net10.0", "Grants.Payments.dll");
    }
}

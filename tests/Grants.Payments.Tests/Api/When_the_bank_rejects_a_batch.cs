using System.Net;
using System.Text.Json;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_the_bank_rejects_a_batch(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_return_its_payments_to_approved_for_another_batch_with_the_same_end_to_end_id_and_give_the_rejected_file_to_the_auditor_alone()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        Assert.Equal(HttpStatusCode.OK, (await desk.Prepare(1, 48_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Approve(1)).StatusCode);
        var rejected = await desk.Batch();
        await desk.Export(rejected);

        Assert.Equal("rejected", (await (await desk.Reject(rejected, "creditor account closed")).Json()).GetProperty("status").GetString());
        await (await desk.Execute(rejected, "BANK-LATE")).Problem(HttpStatusCode.Conflict, "batch.rejected");
        await (await desk.Finance.PostAsync(new Uri($"/payment-batches/{rejected}/export", UriKind.Relative), null)).Problem(HttpStatusCode.Conflict, "batch.rejected");
        await (await desk.Finance.GetAsync(new Uri($"/payment-batches/{rejected}/file", UriKind.Relative))).Problem(HttpStatusCode.Conflict, "batch.rejected");
        var kept = await _payments.As("auditor", "audrey").GetByteArrayAsync(new Uri($"/payment-batches/{rejected}/file", UriKind.Relative));
        Assert.Contains($"<EndToEndId>{EndToEndIds.For(scenario.GrantId, 1)}</EndToEndId>", System.Text.Encoding.UTF8.GetString(kept), StringComparison.Ordinal);
        var back = Tranche(await scenario.Grant(), 1);
        Assert.Equal(("approved", JsonValueKind.Null), (back.GetProperty("status").GetString(), back.GetProperty("batchId").ValueKind));

        var next = await desk.Batch();
        var file = System.Text.Encoding.UTF8.GetString(await desk.Export(next));
        Assert.Contains($"<EndToEndId>{EndToEndIds.For(scenario.GrantId, 1)}</EndToEndId>", file, StringComparison.Ordinal);
        await (await desk.Execute(next, "BANK-SECOND")).Json();

        Assert.Equal("paid", Tranche(await scenario.Grant(), 1).GetProperty("status").GetString());
        Assert.Equal(1, await world.Count("select count(*) from {s}.events where stream_id = $1 and type = 'payments.tranche_paid'", scenario.GrantId));

        var listed = (await Batches(desk.Finance, "?pageSize=200")).Select(b => b.GetProperty("id").GetGuid()).ToList();
        Assert.True(listed.IndexOf(next) >= 0 && listed.IndexOf(next) < listed.IndexOf(rejected), "the newest batch comes first");
        var gone = Assert.Single(await Batches(desk.Finance, "?status=rejected&pageSize=200"), b => b.GetProperty("id").GetGuid() == rejected);
        Assert.Equal(("creditor account closed", 48_000m, 1), (gone.GetProperty("rejectionReason").GetString(), gone.GetProperty("total").GetProperty("amount").GetDecimal(), gone.GetProperty("payments").GetInt32()));
        Assert.DoesNotContain(await Batches(desk.Finance, "?status=rejected&pageSize=200"), b => b.GetProperty("id").GetGuid() == next);
        await (await desk.Finance.GetAsync(new Uri("/payment-batches?status=lost", UriKind.Relative))).Problem(HttpStatusCode.BadRequest, "request.invalid");
    }

    private static async Task<IReadOnlyList<JsonElement>> Batches(HttpClient client, string query) =>
        [.. (await (await client.GetAsync(new Uri($"/payment-batches{query}", UriKind.Relative))).Json()).GetProperty("items").EnumerateArray()];
}

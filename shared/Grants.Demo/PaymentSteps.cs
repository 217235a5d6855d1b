using System.Text;

namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    public const string ReportOverdueBlock = "report_overdue";
    public const string SanctionsBlock = "sanctions_hit";
    private int _batches;

    /// <summary>
    /// The pre-financing of every grant: finance prepares, an approver approves, both screening the payee.
    /// The NGO on the sanctions list is stopped there; the grant whose report is overdue cannot be prepared.
    /// </summary>
    private async Task PayPreFinancing(CancellationToken ct)
    {
        var overdue = Funded.Single(a => a.Twist == Twist.OverdueReport);
        await api.Until($"Payments to block the pre-financing of \"{overdue.Title}\", whose final report is overdue (ReportOverdue)", async () =>
            Tranches(await Grant(overdue, ct)).Any(t => t.GetProperty("blockCode").GetString() == ReportOverdueBlock), ct);
        var refused = await Prepare(overdue, 1, ct);
        if (refused.Ok)
        {
            throw new ScenarioException($"Finance could prepare the pre-financing of \"{overdue.Title}\" although its final report is overdue.");
        }

        Say($"Final report of \"{overdue.Title}\" is overdue: preparing its payment is refused ({refused.Code})");
        await SignDue(Funded.Where(a => a != overdue), "pre_financing", ct);
        await PayBatch("pre-financing", ct);
    }

    private async Task PayBalances(CancellationToken ct)
    {
        await SignDue(Payable.Where(a => a.Twist != Twist.Recovery), "balance", ct);
        await PayBatch("balance", ct);
    }

    private async Task SignDue(IEnumerable<DemoApplication> applications, string kind, CancellationToken ct)
    {
        var due = applications.ToList();
        await Each(due, async application =>
        {
            JsonElement tranche = default;
            await api.Until($"a {kind} tranche of \"{application.Title}\" to be due in Payments", async () =>
            {
                tranche = Tranches(await Grant(application, ct)).FirstOrDefault(t => t.GetProperty("kind").GetString() == kind && t.GetProperty("status").GetString() == "due");
                return tranche.ValueKind == JsonValueKind.Object;
            }, ct);
            var number = tranche.GetProperty("number").GetInt32();
            var prepared = (await Prepare(application, number, ct)).EnsureOk();
            var after = Tranches(prepared.Body).Single(t => t.GetProperty("number").GetInt32() == number);
            if (after.GetProperty("status").GetString() == "blocked")
            {
                application.Frozen = true;
                Say($"Screening blocked the payment to {application.Ngo.Name}: {after.GetProperty("blockCode")} ({after.GetProperty("blockReason")})");
                return;
            }

            (await api.Payments.Post(Caller.Approver, $"/grants/{application.GrantId}/tranches/{number}/approval", null, ct, prepared.Version)).EnsureOk();
        }, ct);
        Say($"{due.Count(a => !a.Frozen)} {kind.Replace('_', '-')} tranches prepared by finance and approved by an approver");
    }

    /// <summary>Every approved tranche into one batch, exported as a pain.001 file, then executed by the bank.</summary>
    private async Task PayBatch(string what, CancellationToken ct)
    {
        var batch = (await api.Payments.Post(Caller.Finance, "/payment-batches", null, ct, idempotent: true)).EnsureOk();
        var id = batch["id"].GetGuid();
        var file = (await api.Payments.Post(Caller.Finance, $"/payment-batches/{id}/export", null, ct)).EnsureOk();
        if (!Encoding.UTF8.GetString(file.Content).Contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", StringComparison.Ordinal))
        {
            throw new ScenarioException($"The export of batch {id} is not a pain.001.001.03 file.");
        }

        var reference = $"BANK-{options.Run}-{++_batches}";
        (await api.Payments.Post(Caller.Finance, $"/payment-batches/{id}/execution",
            new { bankReference = reference, executedOn = Call.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct, idempotent: true)).EnsureOk();
        Say($"Finance exported {what} batch {batch["messageId"]} as pain.001 ({file.Content.Length} bytes, " +
            $"{batch["payments"].GetArrayLength()} payments, EUR {Eur(batch["total"].GetProperty("amount").GetDecimal())}); the bank executed it ({reference})");
    }

    private async Task<Reply> Prepare(DemoApplication application, int number, CancellationToken ct)
    {
        var grant = await Grant(application, ct);
        var tranche = Tranches(grant).Single(t => t.GetProperty("number").GetInt32() == number);
        var amount = tranche.GetProperty("amount");
        return await api.Payments.Post(Caller.Finance, $"/grants/{application.GrantId}/tranches/{number}/preparation", new
        {
            amount = amount.ValueKind == JsonValueKind.Object ? amount.GetProperty("amount").GetDecimal() : tranche.GetProperty("planned").GetProperty("amount").GetDecimal(),
            currency = "EUR",
            executionDate = Call.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, ct, grant.Version);
    }

    private async Task<Reply> Grant(DemoApplication application, CancellationToken ct) =>
        (await api.Payments.Get(Caller.Finance, $"/grants/{application.GrantId}", ct)).EnsureOk();

    private static JsonElement.ArrayEnumerator Tranches(Reply grant) => Tranches(grant.Body);

    private static JsonElement.ArrayEnumerator Tranches(JsonElement grant) => grant.GetProperty("tranches").EnumerateArray();
}

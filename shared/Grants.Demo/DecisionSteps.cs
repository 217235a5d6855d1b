namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    private readonly Dictionary<Guid, decimal> _scores = [];

    /// <summary>The officer proposes from the ranking: awards in rank order within the envelope, rejections with reasons; an approver confirms.</summary>
    private async Task DecideFunding(CancellationToken ct)
    {
        Reply? ranking = null;
        await api.Until("the ranking (call closed, every case reviewed)", async () =>
            (ranking = await api.Review.Get(Caller.Officer, $"/calls/{Call.Id}/ranking", ct)).Ok, ct);
        var ranked = ranking!["applications"].EnumerateArray().ToList();
        var decisions = ranked.Select(r =>
        {
            var id = r.GetProperty("applicationId").GetGuid();
            _scores[id] = r.GetProperty("weightedScore").GetDecimal();
            var passed = r.GetProperty("passedThresholds").GetBoolean();
            var outcome = !passed ? "Reject" : r.GetProperty("withinEnvelope").GetBoolean() ? "Award" : "ReserveList";
            return new
            {
                applicationId = id,
                outcome,
                amount = outcome == "Award" ? r.GetProperty("requestedAmount").GetProperty("amount").GetDecimal() : (decimal?)null,
                reasons = passed ? Array.Empty<string>() : ["The review scored it under the call's quality thresholds."],
            };
        }).ToList();
        (await api.Review.Post(Caller.Officer, $"/calls/{Call.Id}/proposals", new { decisions }, ct, ranking.Version)).EnsureOk();
        var confirmed = (await api.Review.Post(Caller.Approver, $"/calls/{Call.Id}/confirmations",
            new { applicationIds = decisions.Select(d => d.applicationId) }, ct)).EnsureOk();
        foreach (var award in decisions.Where(d => d.outcome == "Award"))
        {
            _applications.Single(a => a.Id == award.applicationId).Awarded = award.amount;
        }

        Say($"Officer proposed and approver confirmed: {decisions.Count(d => d.outcome == "Award")} awards " +
            $"(EUR {Eur(confirmed["awarded"].GetDecimal())} of EUR 3,000,000), {decisions.Count(d => d.outcome == "ReserveList")} on the reserve list, " +
            $"{decisions.Count(d => d.outcome == "Reject")} rejected");
    }

    /// <summary>Each awarded NGO signs its agreement once Applications shows the decision and the ledger's tranches.</summary>
    private async Task SignAgreements(CancellationToken ct)
    {
        await Each(Funded, async application =>
        {
            var path = $"/applications/{application.Id}/status";
            // The NGO reads the agreement before signing it, tranches included: they come from the
            // grant Payments opens on the award (GrantOpened), on its own way to Applications.
            await api.Until($"Applications to show \"{application.Title}\" awarded (FundingDecided) with the tranches Payments plans (GrantOpened)", async () =>
                (await api.Applications.Get(application.Ngo.Applicant, path, ct)) is { Ok: true } status && status["status"].GetString() == "Awarded"
                && status["agreement"] is { ValueKind: JsonValueKind.Object } agreement && agreement.GetProperty("tranches").GetArrayLength() > 0, ct);
            var signed = (await api.Applications.Post(application.Ngo.Applicant, $"/applications/{application.Id}/agreement/sign", null, ct)).EnsureOk();
            Expect(signed, "status", "AgreementSigned");
        }, ct);
        var funded = Funded.ToList();
        await api.Until($"Payments to open the {funded.Count} grants of the call", async () =>
        {
            var grants = await api.Payments.Get(Caller.Finance, $"/grants?callId={Call.Id}&pageSize=200", ct);
            if (!grants.Ok || grants["total"].GetInt32() < funded.Count)
            {
                return false;
            }

            foreach (var grant in grants["items"].EnumerateArray())
            {
                funded.Single(a => a.Id == grant.GetProperty("applicationId").GetGuid()).GrantId = grant.GetProperty("id").GetGuid();
            }

            return true;
        }, ct);
        Say($"{funded.Count} agreements signed; Payments opened {funded.Count} grants");
    }
}

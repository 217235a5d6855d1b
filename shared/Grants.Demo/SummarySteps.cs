namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    /// <summary>Every paid grant closes in Payments, and the NGO's status view in Applications shows it.</summary>
    private async Task AwaitClosures(CancellationToken ct)
    {
        await Each(Payable, async application =>
        {
            await api.Until($"Payments to close the grant of \"{application.Title}\"", async () =>
                (await Grant(application, ct))["status"].GetString() == "closed", ct);
            await api.Until($"Applications to show \"{application.Title}\" closed (GrantClosed)", async () =>
                (await api.Applications.Get(application.Ngo.Applicant, $"/applications/{application.Id}/status", ct))["status"].GetString() == "Closed", ct);
        }, ct);
        Say($"{Payable.Count()} grants closed");
    }

    /// <summary>Where each application ended in each service, and every service's hash chains recomputed by an auditor.</summary>
    private async Task<DemoResult> Summarise(DateTimeOffset started, CancellationToken ct)
    {
        var grants = (await api.Payments.Get(Caller.Finance, $"/grants?callId={Call.Id}&pageSize=200", ct)).EnsureOk()["items"].EnumerateArray()
            .ToDictionary(g => g.GetProperty("applicationId").GetGuid());
        var outcomes = new List<ApplicationOutcome>();
        foreach (var application in _applications)
        {
            var status = (await api.Applications.Get(Caller.Officer, $"/applications/{application.Id}/status", ct)).EnsureOk();
            var grant = grants.GetValueOrDefault(application.Id);
            outcomes.Add(new ApplicationOutcome(
                application.Index + 1, application.Id, application.Funded ? application.GrantId : null, application.Ngo.Name, application.Twist,
                status["status"].GetString()!, _scores.TryGetValue(application.Id, out var score) ? score : null, application.Awarded,
                grant.ValueKind == JsonValueKind.Object ? grant.GetProperty("paid").GetProperty("amount").GetDecimal() : 0m,
                grant.ValueKind == JsonValueKind.Object ? grant.GetProperty("recovered").GetProperty("amount").GetDecimal() : 0m));
        }

        var verifications = new List<ServiceVerification>();
        foreach (var service in api.All)
        {
            var verified = (await service.Get(Caller.Auditor, "/audit/verify", ct)).EnsureOk();
            verifications.Add(new ServiceVerification(
                service.Name, verified["ok"].GetBoolean(), verified["streamsChecked"].GetInt64(), verified["eventsChecked"].GetInt64()));
        }

        return new DemoResult(Call.Id, Call.Reference, outcomes, verifications, DateTimeOffset.UtcNow - started);
    }
}

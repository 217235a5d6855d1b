namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    private static readonly string[] ReviewerNames = ["Dr. Hanne Janssens", "Prof. Moussa Diallo", "Dr. Ines Carvalho"];
    private static readonly string[] ReviewerLanguages = ["en", "fr"];

    /// <summary>The officer drafts and opens the call with the programme's default themes and countries and a deadline minutes away.</summary>
    private async Task OpenCall(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now + options.SubmissionWindow, TimeZoneInfo.FindSystemTimeZoneById(DemoCall.TimeZone)).DateTime;
        var reference = $"PB-{options.Run}";
        var drafted = (await api.Applications.Post(Caller.Officer, "/calls", new
        {
            reference,
            title = $"Peace Building {local.Year}: mediation, protection of civilians and the rule of law",
            submissionDeadline = local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            timeZone = DemoCall.TimeZone,
            envelope = 3_000_000m,
            minimumGrant = 20_000m,
            maximumGrant = 100_000m,
            currency = "EUR",
            reportPlan = new { interimEveryMonths = DemoCall.InterimEveryMonths, finalMonthsAfterEnd = 0 },
        }, ct, idempotent: true)).EnsureOk();
        var id = drafted["id"].GetGuid();
        var rules = (await api.Applications.Post(Caller.Officer, $"/calls/{id}/open", null, ct, drafted.Version)).EnsureOk()["rules"];
        _call = new DemoCall(
            id, reference, Strings(rules.GetProperty("themes")), Strings(rules.GetProperty("countries")),
            [.. rules.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)],
            rules.GetProperty("submissionDeadline").GetDateTimeOffset(), DemoCall.TodayIn(now));
        Say($"Officer opened call {reference} ({id}): EUR 3,000,000, {Call.Themes.Count} themes, {Call.Countries.Count} countries, " +
            $"deadline {local:HH:mm:ss} Brussels time");
        await api.Until($"Review and Payments to learn of call {reference} (CallOpened)", async () =>
            (await api.Review.Get(Caller.Officer, $"/calls/{id}", ct)).Ok
            && (await api.Payments.Get(Caller.Finance, $"/calls/{id}/ledger", ct)).Ok, ct);
    }

    private async Task EnlistReviewers(CancellationToken ct)
    {
        for (var i = 0; i < ReviewerNames.Length; i++)
        {
            var reviewer = new Caller("reviewer", $"reviewer-{i + 1}-{options.Run}");
            (await api.Review.Put(Caller.Officer, $"/calls/{Call.Id}/reviewers/{reviewer.User}",
                new { name = ReviewerNames[i], themes = Call.Themes, languages = ReviewerLanguages }, ct)).EnsureOk();
            _reviewers.Add(reviewer);
        }

        Say($"Officer enlisted {_reviewers.Count} reviewers: {string.Join(", ", ReviewerNames)}");
    }

    private async Task AwaitClosing(CancellationToken ct)
    {
        var left = Call.Deadline - DateTimeOffset.UtcNow;
        Say(left > TimeSpan.Zero
            ? $"Waiting for the deadline ({left.TotalSeconds:0} s): the call's Quartz job closes it"
            : "The deadline has passed: the call's Quartz job closes it");
        await api.Until("the call's deadline job to close it and Review to learn of it (CallClosed)", async () =>
            (await api.Review.Get(Caller.Officer, $"/calls/{Call.Id}", ct)) is { Ok: true } call && call["phase"].GetString() == "Closed",
            ct, (left > TimeSpan.Zero ? left : TimeSpan.Zero) + options.Patience);
        var closed = (await api.Applications.Get(Caller.Officer, $"/calls/{Call.Id}", ct)).EnsureOk();
        Say($"Call {Call.Reference} closed at {closed["closedAt"].GetDateTimeOffset():HH:mm:ss} UTC by its deadline job");
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

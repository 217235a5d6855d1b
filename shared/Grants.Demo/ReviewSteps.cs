namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    private const string ConcurrencyConflict = "stream.concurrency_conflict";

    /// <summary>Reviewers are assigned to every eligible case; each declares no conflict, then scores it; one case needs a consensus.</summary>
    private async Task ReviewCases(CancellationToken ct)
    {
        var eligible = _applications.Where(a => a.Twist != Twist.Ineligible).ToList();
        await api.Until($"Review to open a case for each of the {eligible.Count} eligible applications (ApplicationEligibilityDecided)", async () =>
            (await api.Review.Get(Caller.Officer, $"/calls/{Call.Id}/cases?pageSize=200", ct)) is { Ok: true } cases
            && cases["total"].GetInt32() == eligible.Count, ct);
        var assigned = (await api.Review.Post(Caller.Officer, $"/calls/{Call.Id}/assignments", null, ct)).EnsureOk();
        if (assigned["stillShort"].GetArrayLength() > 0)
        {
            throw new ScenarioException($"{assigned["stillShort"].GetArrayLength()} cases found no reviewer free of conflicts.");
        }

        Say($"Officer assigned {_reviewers.Count} reviewers to each of {assigned["assigned"].GetArrayLength()} cases");
        await Each(eligible, async application =>
        {
            for (var r = 0; r < _reviewers.Count; r++)
            {
                await Score(application, r, ct);
            }

            if (application.Twist == Twist.Divergent)
            {
                var consensus = (await api.Review.Post(Caller.Officer, $"/cases/{application.Id}/consensus", new
                {
                    marks = Call.Criteria.Select(c => new { criterion = c, score = 4m, justification = "Moderated after discussing the context analysis." }),
                }, ct)).EnsureOk();
                Say($"Reviewers diverged by 2 on {Call.Criteria[0]} for \"{application.Title}\": officer recorded the consensus ({consensus["status"]})");
            }
        }, ct);
        Say($"{eligible.Count * _reviewers.Count} score sheets submitted");
    }

    private async Task Score(DemoApplication application, int reviewer, CancellationToken ct)
    {
        var who = _reviewers[reviewer];
        var path = $"/cases/{application.Id}";
        var declared = (await api.Review.Put(who, $"{path}/declaration", new { conflict = false }, ct)).EnsureOk();
        var marks = Call.Criteria.Select((criterion, k) => new
        {
            criterion,
            score = Mark(application.Twist, application.Index, reviewer, k),
            comment = $"{criterion}: assessed against the call's guidance.",
        });
        var sheet = new { contentHash = declared["contentHash"].GetString(), marks };
        var version = declared.Version;
        for (var attempt = 1; ; attempt++)
        {
            var scored = await api.Review.Put(who, $"{path}/sheet", sheet, ct, version);
            if (scored.Ok || scored.Code != ConcurrencyConflict || attempt == 5)
            {
                scored.EnsureOk();
                return;
            }

            // The last sheet completes the case and enters its score on the call, which other cases
            // completing at the same moment change too: as a reviewer's screen would, read again and resend.
            version = (await api.Review.Get(who, path, ct)).EnsureOk().Version;
        }
    }

    /// <summary>Good applications get 4s and 5s; weak ones 2s, under every threshold; the divergent one 5, 3 and 4 on the first criterion.</summary>
    private static int Mark(Twist twist, int index, int reviewer, int criterion) => twist switch
    {
        Twist.LowScores => 2,
        Twist.Divergent when criterion == 0 => reviewer switch { 0 => 5, 1 => 3, _ => 4 },
        _ => 4 + ((index + reviewer + criterion) % 2),
    };
}

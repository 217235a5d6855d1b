using System.Globalization;
using Grants.Demo;
using Grants.Testing;

namespace Grants.Bench.Portal;

/// <summary>What the seeded call holds, for the pages to be asked about.</summary>
internal sealed record SeededCall(Guid CallId, string Theme, IReadOnlyList<Guid> Applications, Guid Organisation, Caller Reviewer, int Eligible, int Ineligible);

/// <summary>
/// One call with many submitted applications, each from an NGO of its own, over the services' HTTP
/// APIs as the people would (parallel clients); then eligibility decided for most of them, every
/// eligible case reviewed by two of three reviewers, and the call closed so its ranking stands.
/// </summary>
internal sealed class PortalSeed(SystemApi api, int applications, int eligible, int ineligible, int parallelism)
{
    private static readonly string[] Languages = ["en", "fr"];
    private static readonly Caller[] Reviewers = [.. Enumerable.Range(1, 3).Select(i => new Caller("reviewer", $"bench-reviewer-{i}"))];

    public static IReadOnlyList<Caller> ReviewerCallers => Reviewers;

    public async Task<SeededCall> Run(Action<string> progress, CancellationToken ct)
    {
        var (callId, themes, countries, criteria) = await OpenCall(ct);
        var submitted = new Guid[applications];
        var organisations = new Guid[applications];
        await Each(Enumerable.Range(0, applications), async i =>
        {
            var organisation = Guid.NewGuid();
            var ngo = new Caller("applicant", $"ngo-{organisation:N}", organisation);
            (await api.Applications.Post(ngo, "/organisations", TestDrafts.Organisation(organisation), ct, idempotent: true)).EnsureOk();
            var draft = (await api.Applications.Post(ngo, "/applications", TestDrafts.Application(
                callId, $"Peace committees, project {i + 1}", themes[i % themes.Count], [countries[i % countries.Count]]), ct, idempotent: true)).EnsureOk();
            var id = draft["id"].GetGuid();
            (await api.Applications.Post(ngo, $"/applications/{id}/submit", null, ct, draft.Version)).EnsureOk();
            (submitted[i], organisations[i]) = (id, organisation);
        });
        progress($"{applications:N0} applications submitted by as many NGOs");

        await Each(Enumerable.Range(0, eligible + ineligible), async i =>
            (await api.Applications.Post(Caller.Officer, $"/applications/{submitted[i]}/eligibility", new
            {
                eligible = i < eligible,
                justification = i < eligible ? "Complete, on time, within the call's limits." : "The statutes do not cover peace building work.",
            }, ct)).EnsureOk());
        progress($"eligibility decided: {eligible:N0} eligible, {ineligible:N0} not; {applications - eligible - ineligible:N0} left in the queue");

        var cases = await OpenedCases(callId, progress, ct);
        (await api.Review.Post(Caller.Officer, $"/calls/{callId}/assignments", null, ct)).EnsureOk();
        await Each(cases, id => Score(id, criteria, ct), degree: 4);
        progress($"{cases.Count:N0} cases reviewed");

        (await api.Applications.Post(Caller.Officer, $"/calls/{callId}/close", new { reason = "The bench has what it needs." }, ct)).EnsureOk();
        await api.Until("the ranking to stand (CallClosed reached Review)", async () => (await api.Review.Get(Caller.Officer, $"/calls/{callId}/ranking", ct)).Ok, ct);
        return new SeededCall(callId, themes[0], submitted, organisations[0], Reviewers[0], cases.Count, ineligible);
    }

    /// <summary>
    /// The cases Review opened, once their number stops growing. Should a message end in Review's error
    /// queue all the same (lost races for the call's stream are retried at once since the kit's
    /// ConflictRetry), the bench goes on with the cases that exist and says how many are missing.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> OpenedCases(Guid callId, Action<string> progress, CancellationToken ct)
    {
        var (total, since) = (-1, DateTimeOffset.UtcNow);
        while (total < eligible && DateTimeOffset.UtcNow - since < TimeSpan.FromSeconds(30))
        {
            var now = (await api.Review.Get(Caller.Officer, $"/calls/{callId}/cases?pageSize=1", ct)).EnsureOk()["total"].GetInt32();
            (total, since) = now == total ? (total, since) : (now, DateTimeOffset.UtcNow);
            await Task.Delay(500, ct);
        }

        if (total < eligible)
        {
            progress($"Review opened {total} cases of the {eligible} eligible applications; the others' messages are in its error queue");
        }

        var ids = new List<Guid>();
        for (var page = 1; ids.Count < total; page++)
        {
            var items = (await api.Review.Get(Caller.Officer, $"/calls/{callId}/cases?pageSize=200&page={page}", ct)).EnsureOk()["items"];
            ids.AddRange(items.EnumerateArray().Select(c => c.GetProperty("applicationId").GetGuid()));
        }

        return ids;
    }

    private async Task<(Guid Id, IReadOnlyList<string> Themes, IReadOnlyList<string> Countries, IReadOnlyList<string> Criteria)> OpenCall(CancellationToken ct)
    {
        var deadline = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById(DemoCall.TimeZone)).DateTime;
        var drafted = (await api.Applications.Post(Caller.Officer, "/calls", new
        {
            reference = "PB-PORTAL-BENCH",
            title = "Peace building, a busy call",
            submissionDeadline = deadline.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            timeZone = DemoCall.TimeZone,
            envelope = 50_000_000m,
            minimumGrant = 50_000m,
            maximumGrant = 300_000m,
            reviewersPerApplication = 2,
        }, ct, idempotent: true)).EnsureOk();
        var id = drafted["id"].GetGuid();
        var rules = (await api.Applications.Post(Caller.Officer, $"/calls/{id}/open", null, ct, drafted.Version)).EnsureOk()["rules"];
        await api.Until("Review to learn of the call", async () => (await api.Review.Get(Caller.Officer, $"/calls/{id}", ct)).Ok, ct);
        foreach (var reviewer in Reviewers)
        {
            (await api.Review.Put(Caller.Officer, $"/calls/{id}/reviewers/{reviewer.User}",
                new { name = $"Reviewer {reviewer.User}", themes = Strings(rules.GetProperty("themes")), languages = Languages }, ct)).EnsureOk();
        }

        return (id, Strings(rules.GetProperty("themes")), Strings(rules.GetProperty("countries")),
            [.. rules.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)]);
    }

    /// <summary>Each reviewer the case was given declares no conflict and scores it; a conflict on the call's version is read again and resent.</summary>
    private async Task Score(Guid applicationId, IReadOnlyList<string> criteria, CancellationToken ct)
    {
        var path = $"/cases/{applicationId}";
        var assigned = (await api.Review.Get(Caller.Officer, path, ct)).EnsureOk()["assignments"].EnumerateArray().Select(a => a.GetProperty("reviewerId").GetString());
        foreach (var reviewer in Reviewers.Where(r => assigned.Contains(r.User)))
        {
            var declared = (await api.Review.Put(reviewer, $"{path}/declaration", new { conflict = false }, ct)).EnsureOk();
            var sheet = new { contentHash = declared["contentHash"].GetString(), marks = criteria.Select(c => new { criterion = c, score = 4, comment = "Sound." }) };
            var version = declared.Version;
            for (var attempt = 1; ; attempt++)
            {
                var scored = await api.Review.Put(reviewer, $"{path}/sheet", sheet, ct, version);
                if (scored.Ok || scored.Code != "stream.concurrency_conflict" || attempt == 20)
                {
                    scored.EnsureOk();
                    break;
                }

                // Every completed case enters its score on the call's stream, which the other scorers change too.
                await Task.Delay(Random.Shared.Next(20, 200), ct);
                version = (await api.Review.Get(reviewer, path, ct)).EnsureOk().Version;
            }
        }
    }

    private Task Each<T>(IEnumerable<T> items, Func<T, Task> act, int? degree = null) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree ?? parallelism }, async (item, _) => await act(item));

    private static string[] Strings(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

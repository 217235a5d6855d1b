using System.Net;
using static Grants.Review.Tests.Api.Responses;

namespace Grants.Review.Tests.Api;

/// <summary>One call with one eligible application and a pool of reviewers of its theme, all with names of this scene's own.</summary>
internal sealed class ReviewScene
{
    private ReviewScene(ReviewHost host, Guid call, Guid application, Guid organisation, IReadOnlyList<string> reviewers)
    {
        Host = host;
        Call = call;
        Application = application;
        Organisation = organisation;
        Reviewers = reviewers;
        Officer = host.As("officer", "olivia");
    }

    public ReviewHost Host { get; }

    public Guid Call { get; }

    public Guid Application { get; }

    public Guid Organisation { get; }

    /// <summary>In the order automatic assignment picks them when none carries any load.</summary>
    public IReadOnlyList<string> Reviewers { get; }

    public HttpClient Officer { get; }

    public static async Task<ReviewScene> Start(ReviewHost host, int poolSize = 4)
    {
        var (call, application, organisation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reviewers = Enumerable.Range(0, poolSize).Select(i => $"{(char)('a' + i)}-{tag}").ToList();
        await host.Publish(Messages.CallOpened(call));
        await host.Eventually<CallReview>(call, c => c.Phase == CallPhase.Open);
        await host.Publish(Messages.Eligible(application, call, organisation));
        await host.Eventually<ReviewCase>(application, c => c.Status == CaseStatus.InReview);
        var scene = new ReviewScene(host, call, application, organisation, reviewers);
        foreach (var reviewer in reviewers)
        {
            await scene.Officer.Put($"/calls/{call}/reviewers/{reviewer}", new { name = reviewer, themes = new[] { Sample.Theme }, languages = Texts("fr") })
                .Json();
        }

        return scene;
    }

    public HttpClient Reviewer(int index) => Host.As("reviewer", Reviewers[index]);

    public Task<System.Text.Json.JsonElement> Assign() => Officer.Post($"/cases/{Application}/assignments", new { }).Json();

    public Task<System.Text.Json.JsonElement> Declare(int reviewer, bool conflict = false, string? reason = null) =>
        Reviewer(reviewer).Put($"/cases/{Application}/declaration", new { conflict, reason }).Json();

    public Task<HttpResponseMessage> Score(int reviewer, int relevance, int effectiveness, int budget) =>
        Reviewer(reviewer).Put($"/cases/{Application}/sheet", new
        {
            contentHash = Sample.Hash,
            marks = new[]
            {
                new { criterion = "relevance", score = relevance, comment = "Addresses the call's priorities." },
                new { criterion = "effectiveness", score = effectiveness, comment = "Clear results chain." },
                new { criterion = "budget", score = budget, comment = "Unit costs in line." },
            },
        });

    public async Task<IReadOnlyList<string>> Assigned()
    {
        var view = await Officer.Get($"/cases/{Application}").Json(HttpStatusCode.OK);
        return [.. view.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("reviewerId").GetString()!)];
    }
}

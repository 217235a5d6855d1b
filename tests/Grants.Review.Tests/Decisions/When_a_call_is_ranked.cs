using static Grants.Review.Tests.Decisions.CallSample;
using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Decisions;

public sealed class When_a_call_is_ranked
{
    [Fact]
    public void Should_order_by_weighted_score_with_ties_going_to_the_earlier_submission()
    {
        var call = Call([CallOpened(), .. Reviewed(1, 3.5m, submittedDay: 2), .. Reviewed(2, 4.5m), .. Reviewed(3, 3.5m, submittedDay: 1),
            new CallClosedForSubmissions(Now)]);

        var ranking = Ranking.Of(call);

        Assert.Equal([App(2), App(3), App(1)], ranking.Applications.Select(a => a.ApplicationId));
        Assert.Equal([1, 2, 3], ranking.Applications.Select(a => a.Rank));
    }

    [Fact]
    public void Should_keep_a_running_total_of_passing_applications_against_the_envelope()
    {
        var ranking = Ranking.Of(Call(ClosedAndReviewed(envelope: 250_000)));

        Assert.Equal([100_000m, 200_000m, 300_000m, 300_000m], ranking.Applications.Select(a => a.RunningTotal));
        Assert.Equal([true, true, false, false], ranking.Applications.Select(a => a.WithinEnvelope));
        Assert.False(ranking.Applications[3].PassedThresholds);
    }

    [Fact]
    public void Should_count_a_reduced_award_at_its_amount()
    {
        var history = ClosedAndReviewed();
        history = [.. history, .. Propose(Call(history), Award(1, 60_000, "Reduced"))];

        var ranking = Ranking.Of(Call(history));

        Assert.Equal([60_000m, 160_000m, 260_000m], ranking.Applications.Take(3).Select(a => a.RunningTotal));
        Assert.Equal("Award", ranking.Applications[0].Proposed);
    }

    [Fact]
    public void Should_not_be_available_before_the_call_closes()
    {
        Rejected(() => Ranking.Of(Call([CallOpened(), .. Reviewed(1, 4m)])), "ranking.not_ready");
    }
}

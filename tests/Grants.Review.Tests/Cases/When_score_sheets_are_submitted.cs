using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Cases;

public sealed class When_score_sheets_are_submitted
{
    [Fact]
    public void Should_record_a_sheet_pinned_to_the_content_hash_without_completing_while_others_are_missing()
    {
        var events = ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(4, 4, 4), Now), ReadyToScore());

        var sheet = Assert.IsType<ScoreSheetSubmitted>(Assert.Single(events));
        Assert.Equal((Hash, false), (sheet.ContentHash, sheet.Amended));
    }

    [Fact]
    public void Should_refuse_a_sheet_made_for_another_version_of_the_application()
    {
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", "sha256:2222", Marks(4, 4, 4), Now), ReadyToScore()), "review.content_changed");
    }

    [Fact]
    public void Should_refuse_a_score_outside_1_to_5()
    {
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(6, 4, 4), Now), ReadyToScore()), "review.score_out_of_range");
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(4, 0, 4), Now), ReadyToScore()), "review.score_out_of_range");
    }

    [Fact]
    public void Should_refuse_a_criterion_without_a_comment()
    {
        IReadOnlyList<CriterionMark> marks = [new("relevance", 4, "ok"), new("effectiveness", 4, " "), new("budget", 4, "ok")];

        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, marks, Now), ReadyToScore()), "review.comment_required");
    }

    [Fact]
    public void Should_refuse_a_sheet_that_misses_repeats_or_invents_a_criterion()
    {
        IReadOnlyList<CriterionMark> missing = [new("relevance", 4, "ok"), new("budget", 4, "ok")];
        IReadOnlyList<CriterionMark> repeated = [new("relevance", 4, "ok"), new("relevance", 4, "ok"), new("budget", 4, "ok")];
        IReadOnlyList<CriterionMark> invented = [new("relevance", 4, "ok"), new("effectiveness", 4, "ok"), new("budget", 4, "ok"), new("charm", 5, "!")];

        foreach (var marks in new[] { missing, repeated, invented })
        {
            Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, marks, Now), ReadyToScore()), "review.criteria_mismatch");
        }
    }

    [Fact]
    public void Should_let_a_reviewer_amend_a_sheet_and_ignore_the_same_sheet_again()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 4, 4, 4)]);

        Assert.Empty(ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(4, 4, 4), Now), state));
        var amended = Assert.IsType<ScoreSheetSubmitted>(Assert.Single(ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(3, 4, 4), Now), state)));
        Assert.True(amended.Amended);
    }

    [Fact]
    public void Should_complete_with_the_mean_per_criterion_and_the_weighted_score_when_reviewers_agree()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 4, 3, 3), Sheet("r2", 5, 4, 3)]);

        var events = ReviewCaseDecider.Decide(new SubmitScoreSheet("r3", Hash, Marks(4, 4, 2), Now), state);

        var completed = Assert.IsType<ReviewCaseCompleted>(events[1]);
        Assert.Equal([4.33m, 3.67m, 2.67m], completed.Scores.Select(s => s.Score));
        // (3 × 4.33 + 2 × 3.67 + 1 × 2.67) / 6 = 23 / 6
        Assert.Equal(3.83m, completed.WeightedScore);
        Assert.True(completed.AllThresholdsPassed);
        Assert.Equal(Hash, completed.ContentHash);
        Assert.Contains("relevance: Relevant to the call.", completed.CommentsForApplicant);
        Assert.DoesNotContain(completed.CommentsForApplicant, c => c.Contains("r1", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_fail_the_thresholds_when_a_criterion_is_below_its_own_even_if_the_overall_passes()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 5, 2, 5), Sheet("r2", 5, 2, 5)]);

        var completed = Assert.IsType<ReviewCaseCompleted>(ReviewCaseDecider.Decide(new SubmitScoreSheet("r3", Hash, Marks(5, 3, 5), Now), state)[1]);

        Assert.True(completed.WeightedScore >= 3.0m);
        Assert.False(completed.Scores.Single(s => s.Criterion == "effectiveness").PassedThreshold);
        Assert.False(completed.AllThresholdsPassed);
    }

    [Fact]
    public void Should_fail_the_thresholds_when_the_weighted_score_is_below_the_overall_one()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 3, 3, 2), Sheet("r2", 3, 3, 2)]);

        var completed = Assert.IsType<ReviewCaseCompleted>(ReviewCaseDecider.Decide(new SubmitScoreSheet("r3", Hash, Marks(3, 3, 2), Now), state)[1]);

        Assert.All(completed.Scores, s => Assert.True(s.PassedThreshold));
        Assert.Equal(2.83m, completed.WeightedScore);
        Assert.False(completed.AllThresholdsPassed);
    }

    [Fact]
    public void Should_ask_for_a_consensus_when_reviewers_are_2_or_more_apart_on_a_criterion()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 5, 4, 3), Sheet("r2", 3, 4, 3)]);

        var events = ReviewCaseDecider.Decide(new SubmitScoreSheet("r3", Hash, Marks(4, 4, 3), Now), state);

        Assert.Equal(["relevance"], Assert.IsType<ConsensusRequired>(events[1]).DivergentCriteria);
    }

    [Fact]
    public void Should_complete_with_the_officers_consensus_scores()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 5, 4, 3), Sheet("r2", 3, 4, 3), Sheet("r3", 4, 4, 3), new ConsensusRequired(["relevance"], Now)]);
        IReadOnlyList<ConsensusMark> marks = [new("relevance", 4, "Moderated: relevant"), new("effectiveness", 4, "Agreed"), new("budget", 3, "Agreed")];

        var events = ReviewCaseDecider.Decide(new RecordConsensus(marks, "olivia", Now), state);

        Assert.IsType<ConsensusRecorded>(events[0]);
        var completed = Assert.IsType<ReviewCaseCompleted>(events[1]);
        Assert.Equal([4m, 4m, 3m], completed.Scores.Select(s => s.Score));
        Assert.Equal(3.83m, completed.WeightedScore);
    }

    [Fact]
    public void Should_need_a_justification_for_every_consensus_score()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 5, 4, 3), Sheet("r2", 3, 4, 3), Sheet("r3", 4, 4, 3), new ConsensusRequired(["relevance"], Now)]);
        IReadOnlyList<ConsensusMark> marks = [new("relevance", 4, ""), new("effectiveness", 4, "Agreed"), new("budget", 3, "Agreed")];

        Rejected(() => ReviewCaseDecider.Decide(new RecordConsensus(marks, "olivia", Now), state), "review.justification_required");
    }

    [Fact]
    public void Should_refuse_a_consensus_where_the_reviewers_agree()
    {
        IReadOnlyList<ConsensusMark> marks = [new("relevance", 4, "x"), new("effectiveness", 4, "x"), new("budget", 3, "x")];

        Rejected(() => ReviewCaseDecider.Decide(new RecordConsensus(marks, "olivia", Now), ReadyToScore()), "review.consensus_not_needed");
    }

    [Fact]
    public void Should_complete_when_an_amendment_removes_the_divergence()
    {
        var state = Case([.. ReadyEvents, Sheet("r1", 5, 4, 3), Sheet("r2", 3, 4, 3), Sheet("r3", 4, 4, 3), new ConsensusRequired(["relevance"], Now)]);

        var events = ReviewCaseDecider.Decide(new SubmitScoreSheet("r2", Hash, Marks(4, 4, 3), Now), state);

        Assert.IsType<ReviewCaseCompleted>(events[1]);
    }

    [Fact]
    public void Should_refuse_any_change_once_the_case_is_complete()
    {
        object[] scored = [.. ReadyEvents, Sheet("r1", 4, 4, 4), Sheet("r2", 4, 4, 4), Sheet("r3", 4, 4, 4)];
        var done = Case([.. scored, .. Consensus.AfterSheet(Case(scored), Now)]);

        Assert.Equal(CaseStatus.Completed, done.Status);
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(3, 3, 3), Now), done), "review.case_completed");
        Rejected(() => ReviewCaseDecider.Decide(new DeclareConflictOfInterest("r1", true, "late", Candidates.None, Now), done), "review.case_completed");
    }

    [Fact]
    public void Should_cancel_an_open_case_once_and_refuse_sheets_afterwards()
    {
        var cancelled = ReviewCaseDecider.Decide(new CancelCase("Withdrawn", Now), ReadyToScore());
        var state = Case([.. ReadyEvents, .. cancelled]);

        Assert.IsType<ReviewCaseCancelled>(Assert.Single(cancelled));
        Assert.Empty(ReviewCaseDecider.Decide(new CancelCase("Withdrawn", Now), state));
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("r1", Hash, Marks(3, 3, 3), Now), state), "review.case_cancelled");
    }

    [Fact]
    public void Should_cancel_a_completed_case_so_its_score_no_longer_ranks()
    {
        object[] scored = [.. ReadyEvents, Sheet("r1", 4, 4, 4), Sheet("r2", 4, 4, 4), Sheet("r3", 4, 4, 4)];
        var done = Case([.. scored, .. Consensus.AfterSheet(Case(scored), Now)]);

        Assert.IsType<ReviewCaseCancelled>(Assert.Single(ReviewCaseDecider.Decide(new CancelCase("Found ineligible", Now), done)));
    }

    [Fact]
    public void Should_close_before_it_opens_a_case_withdrawn_before_its_eligibility_arrives()
    {
        var withdrawn = ReviewCaseDecider.Decide(new CancelCase("Withdrawn", Now), ReviewCase.Initial);
        var open = new OpenCase(Application, Call, Organisation, Theme, Money.Eur(1), Hash, Now, Rules(), Now);

        Assert.IsType<ReviewCaseCancelled>(Assert.Single(withdrawn));
        Assert.Empty(ReviewCaseDecider.Decide(open, Case([.. withdrawn])));
    }

    [Fact]
    public void Should_open_a_case_once()
    {
        var open = new OpenCase(Application, Call, Organisation, Theme, Money.Eur(1), Hash, Now, Rules(), Now);

        Assert.IsType<ReviewCaseOpened>(Assert.Single(ReviewCaseDecider.Decide(open, ReviewCase.Initial)));
        Assert.Empty(ReviewCaseDecider.Decide(open, Case(Opened())));
    }
}

using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Cases;

public sealed class When_reviewers_are_assigned
{
    [Fact]
    public void Should_fill_the_case_up_to_the_calls_number_of_reviewers_with_reviewers_of_its_theme()
    {
        var pool = Pool(Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d"), Reviewer("m", OtherTheme));

        var events = ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), Case(Opened()));

        Assert.Equal(["a", "b", "c"], events.Cast<ReviewerAssigned>().Select(e => e.ReviewerId));
        Assert.All(events.Cast<ReviewerAssigned>(), e => Assert.Equal(Now.AddDays(21), e.DueAt));
    }

    [Fact]
    public void Should_prefer_the_least_loaded_reviewers()
    {
        var pool = Pool([Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d")], new Dictionary<string, int> { ["a"] = 5, ["b"] = 1, ["c"] = 0, ["d"] = 2 }, []);

        var events = ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), Case(Opened()));

        Assert.Equal(["c", "b", "d"], events.Cast<ReviewerAssigned>().Select(e => e.ReviewerId));
    }

    [Fact]
    public void Should_never_pick_a_reviewer_conflicted_with_the_organisation()
    {
        var pool = Pool([Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d")], new Dictionary<string, int>(), ["a"]);

        var events = ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), Case(Opened()));

        Assert.DoesNotContain("a", events.Cast<ReviewerAssigned>().Select(e => e.ReviewerId));
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void Should_only_top_up_a_case_that_is_short_and_change_nothing_on_a_full_one()
    {
        var pool = Pool(Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d"));
        var shortOne = Case(Opened(), Assigned("a"), Assigned("b"));

        Assert.Equal(["c"], ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), shortOne).Cast<ReviewerAssigned>().Select(e => e.ReviewerId));
        Assert.Empty(ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), Case(Opened(), Assigned("a"), Assigned("b"), Assigned("c"))));
    }

    [Fact]
    public void Should_refuse_when_no_reviewer_of_the_theme_is_free()
    {
        var pool = Pool(Reviewer("m", OtherTheme));

        Rejected(() => ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), Case(Opened())), "review.no_reviewer_available");
    }

    [Fact]
    public void Should_reassign_with_a_reason_to_a_pool_reviewer_without_conflict()
    {
        var pool = Pool(Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("x", OtherTheme));
        var state = Case(Opened(), Assigned("a"), Assigned("b"));

        var events = ReviewCaseDecider.Decide(new ReassignReviewer("a", "x", "Regional expertise needed", pool, "olivia", Now), state);

        var removed = Assert.IsType<ReviewerRemoved>(events[0]);
        Assert.Equal((RemovalKind.Reassigned, "Regional expertise needed"), (removed.Kind, removed.Reason));
        Assert.Equal("x", Assert.IsType<ReviewerAssigned>(events[1]).ReviewerId);
    }

    [Theory]
    [InlineData("a", "c", "", "review.reason_required")]
    [InlineData("z", "c", "why", "review.not_assigned")]
    [InlineData("a", "b", "why", "review.already_assigned")]
    [InlineData("a", "nobody", "why", "review.not_in_pool")]
    [InlineData("a", "conflicted", "why", "review.reviewer_conflicted")]
    public void Should_refuse_a_reassignment_that_breaks_a_rule(string from, string to, string reason, string code)
    {
        var pool = Pool([Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("conflicted")], new Dictionary<string, int>(), ["conflicted"]);

        Rejected(() => ReviewCaseDecider.Decide(new ReassignReviewer(from, to, reason, pool, "olivia", Now), Case(Opened(), Assigned("a"), Assigned("b"))), code);
    }

    [Fact]
    public void Should_remind_once_and_flag_overdue_once_a_reviewer_without_a_sheet()
    {
        var state = Case(Opened(), Assigned("a"));
        var due = Now.AddDays(21);

        var reminded = ReviewCaseDecider.Decide(new RemindReviewer("a", due, due.AddDays(-3)), state);
        Assert.IsType<ReviewReminderSent>(Assert.Single(reminded));
        Assert.Empty(ReviewCaseDecider.Decide(new RemindReviewer("a", due, due.AddDays(-3)), Case(Opened(), Assigned("a"), reminded[0])));

        Assert.Empty(ReviewCaseDecider.Decide(new FlagOverdueReview("a", due, due.AddDays(-1)), state));
        var overdue = ReviewCaseDecider.Decide(new FlagOverdueReview("a", due, due), state);
        Assert.IsType<ReviewOverdue>(Assert.Single(overdue));
    }

    [Fact]
    public void Should_not_remind_or_flag_a_reviewer_who_has_scored()
    {
        var state = Case(Opened(), Assigned("a"), Declared("a"), Sheet("a", 4, 4, 4));
        var due = Now.AddDays(21);

        Assert.Empty(ReviewCaseDecider.Decide(new RemindReviewer("a", due, due.AddDays(-3)), state));
        Assert.Empty(ReviewCaseDecider.Decide(new FlagOverdueReview("a", due, due.AddDays(1)), state));
    }

    [Fact]
    public void Should_replace_overdue_reviewers_with_free_ones()
    {
        var due = Now.AddDays(21);
        var state = Case(Opened(), Assigned("a"), Assigned("b"), Assigned("c"), new ReviewOverdue("b", due, due));
        var pool = Pool(Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d"));

        var events = ReviewCaseDecider.Decide(new ReplaceOverdueReviewers(pool, "olivia", due), state);

        Assert.Equal(RemovalKind.Overdue, Assert.IsType<ReviewerRemoved>(events[0]).Kind);
        Assert.Equal("d", Assert.IsType<ReviewerAssigned>(events[1]).ReviewerId);
    }
}

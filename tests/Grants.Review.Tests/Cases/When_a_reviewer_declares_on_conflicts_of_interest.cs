using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Cases;

public sealed class When_a_reviewer_declares_on_conflicts_of_interest
{
    [Fact]
    public void Should_record_the_absence_of_conflict_once()
    {
        var state = Case(Opened(), Assigned("a"));

        var events = ReviewCaseDecider.Decide(new DeclareConflictOfInterest("a", false, null, Candidates.None, Now), state);

        Assert.Equal(new NoConflictDeclared("a", Organisation, Now), Assert.Single(events));
        Assert.True(Case(Opened(), Assigned("a"), events[0]).Assignments["a"].Declared);
        Assert.Empty(ReviewCaseDecider.Decide(new DeclareConflictOfInterest("a", false, null, Candidates.None, Now), Case(Opened(), Assigned("a"), events[0])));
    }

    [Fact]
    public void Should_remove_a_conflicted_reviewer_and_assign_a_replacement()
    {
        var state = Case(Opened(), Assigned("a"), Assigned("b"), Assigned("c"));
        var pool = Pool(Reviewer("a"), Reviewer("b"), Reviewer("c"), Reviewer("d"));

        var events = ReviewCaseDecider.Decide(new DeclareConflictOfInterest("a", true, "Former board member", pool, Now), state);

        Assert.Equal(new ConflictDeclared("a", Organisation, "Former board member", Now), events[0]);
        Assert.Equal(RemovalKind.ConflictOfInterest, Assert.IsType<ReviewerRemoved>(events[1]).Kind);
        Assert.Equal("d", Assert.IsType<ReviewerAssigned>(events[2]).ReviewerId);
        var after = Case([Opened(), Assigned("a"), Assigned("b"), Assigned("c"), .. events]);
        Assert.Equal(["b", "c", "d"], after.Assignments.Keys.Order());
    }

    [Fact]
    public void Should_never_bring_a_conflicted_reviewer_back_by_automatic_assignment()
    {
        var pool = Pool(Reviewer("a"), Reviewer("b"));
        var state = Case(Opened(reviewers: 2), Assigned("a"), Assigned("b"));
        var declared = ReviewCaseDecider.Decide(new DeclareConflictOfInterest("a", true, "Spouse works there", pool, Now), state);

        var after = Case([Opened(reviewers: 2), Assigned("a"), Assigned("b"), .. declared]);

        Assert.Equal(["b"], after.Assignments.Keys);
        Rejected(() => ReviewCaseDecider.Decide(new AssignReviewers(pool, "olivia", Now), after), "review.no_reviewer_available");
    }

    [Fact]
    public void Should_need_a_description_of_the_conflict()
    {
        Rejected(() => ReviewCaseDecider.Decide(new DeclareConflictOfInterest("a", true, " ", Candidates.None, Now), Case(Opened(), Assigned("a"))),
            "review.reason_required");
    }

    [Fact]
    public void Should_not_let_an_unassigned_reviewer_declare()
    {
        var error = Rejected(() => ReviewCaseDecider.Decide(new DeclareConflictOfInterest("z", false, null, Candidates.None, Now), Case(Opened(), Assigned("a"))),
            "review.not_assigned");
        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Should_refuse_a_score_sheet_before_the_declaration()
    {
        Rejected(() => ReviewCaseDecider.Decide(new SubmitScoreSheet("a", Hash, Marks(4, 4, 4), Now), Case(Opened(), Assigned("a"))),
            "review.declaration_required");
    }
}

using static Grants.Review.Tests.Decisions.CallSample;
using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Decisions;

public sealed class When_decisions_are_confirmed
{
    private static object[] Proposed(params ProposedDecision[] decisions) => [.. ClosedAndReviewed(), .. Propose(Call(ClosedAndReviewed()), decisions)];

    [Fact]
    public void Should_take_the_decision_with_both_people_and_the_rules_version()
    {
        var events = Confirm(Call(Proposed(Award(1))), 1);

        var confirmed = Assert.IsType<FundingDecisionConfirmed>(Assert.Single(events));
        Assert.Equal((FundingOutcome.Award, Money.Eur(100_000)), (confirmed.Outcome, confirmed.Amount));
        Assert.Equal((Officer, Approver, 3), (confirmed.ProposedBy, confirmed.ApprovedBy, confirmed.RulesVersion));
        Assert.Equal(100_000, Call([.. Proposed(Award(1)), .. events]).Awarded);
    }

    [Fact]
    public void Should_refuse_the_officer_who_proposed_confirming_it()
    {
        var state = Call(Proposed(Award(1)));

        Rejected(() => FundingDecider.Decide(new ConfirmDecisions([App(1)], new Actor(Officer.UserId, "approver"), Now), state), "decision.same_person");
    }

    [Fact]
    public void Should_change_nothing_when_a_confirmation_is_sent_again()
    {
        var history = Proposed(Award(1));
        history = [.. history, .. Confirm(Call(history), 1)];

        Assert.Empty(Confirm(Call(history), 1));
    }

    [Fact]
    public void Should_refuse_to_confirm_what_was_not_proposed()
    {
        Rejected(() => Confirm(Call(ClosedAndReviewed()), 1), "decision.no_proposal");
    }

    [Fact]
    public void Should_guard_the_envelope_again_at_confirmation()
    {
        // Proposals appended without the decider, as a corrupted or hand-written history could hold them.
        var state = Call([.. ClosedAndReviewed(),
            new FundingDecisionProposed(App(1), FundingOutcome.Award, Money.Eur(100_000), [], Officer, Now),
            new FundingDecisionProposed(App(2), FundingOutcome.Award, Money.Eur(100_000), [], Officer, Now),
            new FundingDecisionProposed(App(3), FundingOutcome.Award, Money.Eur(100_000), [], Officer, Now)]);

        Rejected(() => Confirm(state, 1, 2, 3), "decision.envelope_exceeded");
        Assert.Equal(2, Confirm(state, 1, 2).Count);
    }

    [Fact]
    public void Should_hold_up_the_decision_until_an_approver_resolves_the_complaint()
    {
        var complaintId = Guid.NewGuid();
        var complained = Call([.. Proposed(Award(1)), .. FundingDecider.Decide(new RecordComplaint(complaintId, App(1), "Conflict", Officer, Now), Call(Proposed(Award(1))))]);

        Rejected(() => Confirm(complained, 1), "decision.blocked_by_complaint");

        var resolved = CallReview.Evolve(complained, Assert.Single(FundingDecider.Decide(new ResolveComplaint(complaintId, "No link found", Approver, Now), complained)));
        Assert.Single(Confirm(resolved, 1));
    }

    [Fact]
    public void Should_release_a_declined_award_so_a_reserve_can_be_awarded()
    {
        var history = Proposed(Award(1), Award(2, 90_000, "Envelope"), Reserve(3));
        history = [.. history, .. Confirm(Call(history), 1, 2, 3)];
        Rejected(() => Propose(Call(history), Award(3)), "decision.envelope_exceeded");

        history = [.. history, .. FundingDecider.Decide(new ReleaseAward(App(1), "The NGO declined", Officer, Now), Call(history))];
        Assert.Equal(90_000, Call(history).Awarded);

        history = [.. history, .. Propose(Call(history), Award(3))];
        history = [.. history, .. Confirm(Call(history), 3)];
        Assert.Equal(190_000, Call(history).Awarded);
        Assert.Equal(FundingOutcome.Award, Call(history).Decisions[App(3)].Outcome);
    }

    [Fact]
    public void Should_release_the_award_of_a_withdrawn_application()
    {
        var history = Proposed(Award(1));
        history = [.. history, .. Confirm(Call(history), 1)];

        var events = CallDecider.Decide(new RemoveFromReview(App(1), "Withdrawn", new Actor("ngo", "applicant"), Now), Call(history));

        Assert.Equal(Money.Eur(100_000), Assert.IsType<AwardGivenUp>(Assert.Single(events)).Amount);
        Assert.Equal(0, Call([.. history, .. events]).Awarded);
    }

    [Fact]
    public void Should_not_decide_again_what_is_decided_except_a_reserve_awarded()
    {
        var history = Proposed(Award(1), Reject(4, "Thresholds"));
        history = [.. history, .. Confirm(Call(history), 1, 4)];

        Rejected(() => Propose(Call(history), Reject(1, "changed our mind")), "decision.already_taken");
        Rejected(() => Propose(Call(history), Reject(4, "again")), "decision.already_taken");
    }
}

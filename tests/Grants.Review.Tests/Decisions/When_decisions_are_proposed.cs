using static Grants.Review.Tests.Decisions.CallSample;
using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Decisions;

public sealed class When_decisions_are_proposed
{
    [Fact]
    public void Should_wait_until_the_call_is_closed()
    {
        var open = Call([CallOpened(), .. Reviewed(1, 4.5m)]);

        Rejected(() => Propose(open, Award(1)), "ranking.not_ready");
    }

    [Fact]
    public void Should_wait_until_every_review_is_complete_or_cancelled()
    {
        var pending = Call([.. ClosedAndReviewed(), new ApplicationEnteredReview(App(9), Organisation, Money.Eur(1000), Now)]);
        Rejected(() => Propose(pending, Award(1)), "ranking.not_ready");

        var cancelled = Call([.. ClosedAndReviewed(), new ApplicationEnteredReview(App(9), Organisation, Money.Eur(1000), Now), new ApplicationLeftReview(App(9), "Withdrawn")]);
        Assert.Single(Propose(cancelled, Award(1)));
    }

    [Fact]
    public void Should_record_awards_reserves_and_rejections_as_proposals_only()
    {
        var events = Propose(Call(ClosedAndReviewed()), Award(1), Award(2, 90_000, "Travel costs cut"), Reserve(3), Reject(4, "Below the thresholds"));

        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.IsType<FundingDecisionProposed>(e));
        Assert.Equal(Money.Eur(90_000), ((FundingDecisionProposed)events[1]).Amount);
        Assert.Empty(Call([.. ClosedAndReviewed(), .. events]).Decisions);
    }

    [Fact]
    public void Should_never_award_or_reserve_an_application_that_failed_a_threshold()
    {
        Rejected(() => Propose(Call(ClosedAndReviewed()), Award(4)), "decision.threshold_failed");
        Rejected(() => Propose(Call(ClosedAndReviewed()), Reserve(4)), "decision.threshold_failed");
    }

    [Fact]
    public void Should_need_reasons_to_reject()
    {
        Rejected(() => Propose(Call(ClosedAndReviewed()), Reject(4)), "decision.reasons_required");
    }

    [Fact]
    public void Should_need_a_reason_to_award_less_than_requested_and_never_more()
    {
        Rejected(() => Propose(Call(ClosedAndReviewed()), Award(1, 80_000)), "decision.reduction_needs_reason");
        Rejected(() => Propose(Call(ClosedAndReviewed()), Award(1, 100_001, "generous")), "decision.amount_exceeds_request");
        Rejected(() => Propose(Call(ClosedAndReviewed()), new ProposedDecision(App(1), FundingOutcome.Award, null, [])), "decision.amount_invalid");
    }

    [Fact]
    public void Should_refuse_proposals_that_would_exceed_the_envelope()
    {
        var error = Rejected(() => Propose(Call(ClosedAndReviewed()), Award(1), Award(2), Award(3)), "decision.envelope_exceeded");

        Assert.Contains("250000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_count_pending_proposals_against_the_envelope()
    {
        var state = Call([.. ClosedAndReviewed(), .. Propose(Call(ClosedAndReviewed()), Award(1), Award(2))]);

        Rejected(() => Propose(state, Award(3)), "decision.envelope_exceeded");
        Assert.Single(Propose(state, Award(3, 50_000, "What is left of the envelope")));
    }

    [Fact]
    public void Should_not_decide_an_application_held_up_by_a_complaint()
    {
        var complaint = new ComplaintRecorded(Guid.NewGuid(), App(1), "The reviewer works for a partner", Officer, Now);

        Rejected(() => Propose(Call([.. ClosedAndReviewed(), complaint]), Award(1)), "decision.blocked_by_complaint");
    }

    [Fact]
    public void Should_change_nothing_when_the_same_proposal_is_sent_again_and_replace_a_different_one()
    {
        var state = Call([.. ClosedAndReviewed(), .. Propose(Call(ClosedAndReviewed()), Award(1), Reserve(2))]);

        Assert.Empty(Propose(state, Award(1), Reserve(2)));
        var changed = Assert.IsType<FundingDecisionProposed>(Assert.Single(Propose(state, Award(1), Award(2, 50_000, "Fits what is left"))));
        Assert.Equal((App(2), FundingOutcome.Award), (changed.ApplicationId, changed.Outcome));
    }

    [Fact]
    public void Should_refuse_one_application_twice_in_one_proposal()
    {
        Rejected(() => Propose(Call(ClosedAndReviewed()), Award(1), Reserve(1)), "decision.duplicate");
    }
}

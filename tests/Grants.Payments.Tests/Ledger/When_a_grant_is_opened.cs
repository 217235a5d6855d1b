using Grants.Contracts.Calls;
using Grants.Hosting.Http;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_a_grant_is_opened
{
    [Fact]
    public void Should_plan_80_percent_pre_financing_and_the_balance_for_a_short_small_grant()
    {
        var events = GrantDecider.Decide(new RecordAward(Award(60_000m), OpenCall()), State(Project(new(2026, 4, 1), new(2027, 3, 31))));

        var opened = Assert.Single(events.OfType<GrantOpened>());
        Assert.Equal(GrantIds.For(Application), opened.GrantId);
        Assert.Equal(
            [(1, 48_000m, TranchePlan.AgreementSigned), (2, 12_000m, TranchePlan.FinalReport)],
            opened.Plan.Select(p => (p.Number, p.Amount.Amount, p.Condition)));
        Assert.Equal(3, opened.RulesVersion);
    }

    [Fact]
    public void Should_plan_a_tranche_per_year_capped_at_90_percent_for_a_long_grant()
    {
        var opened = Opened(200_000m, 24);

        Assert.Equal(
            [(1, 100_000m, TranchePlan.AgreementSigned), (2, 80_000m, TranchePlan.InterimReport), (3, 20_000m, TranchePlan.FinalReport)],
            opened.Tranches.Select(t => (t.Number, t.Planned.Amount, t.Condition)));
    }

    [Fact]
    public void Should_split_a_large_one_year_grant_in_two_halves_after_a_mid_term_report()
    {
        var opened = Opened(150_000m, 12);

        Assert.Equal([75_000m, 60_000m, 15_000m], opened.Tranches.Select(t => t.Planned.Amount));
    }

    [Fact]
    public void Should_round_shares_to_cents_so_the_plan_adds_up_to_the_grant_exactly()
    {
        var opened = Opened(100_000.01m, 18);

        // 12/18 and 6/18 of 100,000.01: 66,666.67 then the cap (90,000.01) leaves 23,333.34.
        Assert.Equal([66_666.67m, 23_333.34m, 10_000.00m], opened.Tranches.Select(t => t.Planned.Amount));
        Assert.Equal(100_000.01m, opened.Tranches.Sum(t => t.Planned.Amount));
    }

    [Fact]
    public void Should_take_the_rules_from_the_call_not_from_code()
    {
        var rules = new PaymentRules { PreFinancingPercent = 60m, InstalmentsAboveAmount = 500_000m, InstalmentsAboveMonths = 36 };

        var opened = Opened(200_000m, 24, rules);

        Assert.Equal([120_000m, 80_000m], opened.Tranches.Select(t => t.Planned.Amount));
    }

    [Fact]
    public void Should_wait_for_the_project_when_the_award_arrives_first()
    {
        var awarded = After(Grant.Initial, new RecordAward(Award(60_000m), OpenCall()));
        Assert.Equal(GrantStatus.Pending, awarded.Status);

        var events = GrantDecider.Decide(new RecordProject(Project(new(2026, 4, 1), new(2027, 3, 31)), OpenCall()), awarded);

        Assert.IsType<ProjectRecorded>(events[0]);
        Assert.IsType<GrantOpened>(events[1]);
    }

    [Fact]
    public void Should_make_the_first_tranche_due_at_once_when_the_agreement_was_signed_before_the_award_arrived()
    {
        var signed = After(State(Project(new(2026, 4, 1), new(2027, 3, 31))), new SignAgreement(Application, Signed));

        var events = GrantDecider.Decide(new RecordAward(Award(60_000m), OpenCall()), signed);

        var due = Assert.Single(events.OfType<TrancheDue>());
        Assert.Equal((1, 48_000m, new DateOnly(2026, 4, 16)), (due.Number, due.Amount.Amount, due.PayBy));
    }

    [Fact]
    public void Should_refuse_to_open_before_the_call_rules_are_known()
    {
        var error = Assert.Throws<DomainException>(() =>
            GrantDecider.Decide(new RecordAward(Award(60_000m), Calls.PaymentCall.Initial), State(Project(new(2026, 4, 1), new(2027, 3, 31)))));

        Assert.Equal("grant.call_unknown", error.Code);
    }

    [Fact]
    public void Should_ignore_a_second_award_for_the_same_application()
    {
        var opened = Opened(60_000m, 12);

        Assert.Empty(GrantDecider.Decide(new RecordAward(Award(90_000m), OpenCall()), opened));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", 12)]
    [InlineData("2026-01-15", "2026-07-14", 6)]
    [InlineData("2026-01-15", "2026-07-20", 7)]
    [InlineData("2026-04-01", "2028-03-31", 24)]
    public void Should_count_started_months_in_the_duration(string start, string end, int months) =>
        Assert.Equal(months, TranchePlan.DurationInMonths(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}

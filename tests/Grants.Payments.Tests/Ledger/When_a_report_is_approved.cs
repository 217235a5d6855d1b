using Grants.Contracts.Calls;
using Grants.Contracts.Reports;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_a_report_is_approved
{
    private static readonly DateTimeOffset ApprovedAt = new(2027, 4, 20, 9, 0, 0, TimeSpan.Zero);

    private static ApproveReport Interim(decimal eligible, Guid? report = null) =>
        new(Application, report ?? Guid.NewGuid(), ReportKind.Interim, Money.Eur(eligible), ApprovedAt);

    private static ApproveReport Final(decimal eligible) => new(Application, Guid.NewGuid(), ReportKind.Final, Money.Eur(eligible), ApprovedAt);

    [Theory]
    [InlineData(80_000, 80_000)]
    [InlineData(70_000, 80_000)]
    [InlineData(69_999.99, 49_999.99)]
    [InlineData(60_000, 40_000)]
    public void Should_pay_the_next_tranche_in_full_only_when_70_percent_of_the_previous_was_used(decimal used, decimal expected)
    {
        var events = GrantDecider.Decide(Interim(used), Paid(Active(200_000m, 24), 1));

        var due = Assert.Single(events.OfType<TrancheDue>());
        Assert.Equal((2, expected, new DateOnly(2027, 6, 4)), (due.Number, due.Amount.Amount, due.PayBy));
    }

    [Fact]
    public void Should_keep_pre_financing_within_the_cap_the_call_sets()
    {
        var rules = new PaymentRules { PreFinancingCapPercent = 85m };

        var events = GrantDecider.Decide(Interim(100_000m), Paid(Active(200_000m, 24, rules), 1));

        Assert.Equal(70_000m, Assert.Single(events.OfType<TrancheDue>()).Amount.Amount);
    }

    [Fact]
    public void Should_cap_a_tranche_when_what_is_already_due_leaves_less_room_than_planned()
    {
        var (amount, basis) = TrancheAmounts.Next(80_000m, 100_000m, 100_000m, alreadyDue: 110_000m, grant: 200_000m, new PaymentRules());

        Assert.Equal(70_000m, amount);
        Assert.Contains("capped at 70000.00", basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(33_333.33, 23_333.33, 50_000, 50_000)]
    [InlineData(33_333.33, 23_333.32, 50_000, 39_999.99)]
    public void Should_compare_usage_with_70_percent_rounded_to_the_cent(decimal previous, decimal used, decimal planned, decimal expected)
    {
        Assert.Equal(expected, TrancheAmounts.Next(planned, previous, used, previous, 1_000_000m, new PaymentRules()).Amount);
    }

    [Fact]
    public void Should_withhold_the_next_tranche_when_the_unused_part_exceeds_it()
    {
        var events = GrantDecider.Decide(Interim(10_000m), Paid(Active(200_000m, 24), 1));

        Assert.Equal(2, Assert.Single(events.OfType<TrancheWithheld>()).Number);
        Assert.Empty(events.OfType<TrancheDue>());
    }

    [Fact]
    public void Should_change_nothing_when_the_same_report_is_approved_again()
    {
        var report = Guid.NewGuid();
        var once = After(Paid(Active(200_000m, 24), 1), Interim(80_000m, report));

        Assert.Empty(GrantDecider.Decide(Interim(80_000m, report), once));
    }

    [Fact]
    public void Should_make_the_balance_due_from_the_final_report()
    {
        var events = GrantDecider.Decide(Final(58_000m), Paid(Active(60_000m, 12), 1));

        var due = Assert.Single(events.OfType<TrancheDue>());
        Assert.Equal((2, 10_000m), (due.Number, due.Amount.Amount));
        Assert.Empty(events.OfType<GrantClosed>());
    }

    [Fact]
    public void Should_never_pay_more_than_the_grant_whatever_was_spent()
    {
        var events = GrantDecider.Decide(Final(70_000m), Paid(Active(60_000m, 12), 1));

        Assert.Equal(12_000m, events.OfType<TrancheDue>().Single().Amount.Amount);
    }

    [Fact]
    public void Should_order_the_recovery_of_unspent_pre_financing_and_close()
    {
        var events = GrantDecider.Decide(Final(40_000.50m), Paid(Active(60_000m, 12), 1));

        Assert.Equal(7_999.50m, events.OfType<RecoveryOrdered>().Single().Amount.Amount);
        var closed = events.OfType<GrantClosed>().Single();
        Assert.Equal((48_000m, 7_999.50m), (closed.TotalPaid.Amount, closed.Recovered.Amount));
    }

    [Fact]
    public void Should_close_with_nothing_to_pay_or_recover_when_spending_matches_the_pre_financing()
    {
        var events = GrantDecider.Decide(Final(48_000m), Paid(Active(60_000m, 12), 1));

        Assert.Empty(events.OfType<RecoveryOrdered>());
        Assert.Equal(0m, events.OfType<GrantClosed>().Single().Recovered.Amount);
        Assert.Equal(2, events.OfType<TrancheWithheld>().Single().Number);
    }

    [Fact]
    public void Should_withhold_pre_financing_not_yet_paid_when_the_final_report_comes()
    {
        var events = GrantDecider.Decide(Final(30_000m), Active(60_000m, 12));

        Assert.Equal(1, events.OfType<TrancheWithheld>().Single().Number);
        Assert.Equal(30_000m, events.OfType<TrancheDue>().Single().Amount.Amount);
    }

    [Fact]
    public void Should_close_the_grant_when_the_balance_is_paid()
    {
        var closing = After(Paid(Active(60_000m, 12), 1), Final(58_000m));
        var batch = Guid.NewGuid();
        var batched = closing.Pipe(new TrancheBatched(Application, 2, batch, "E2E"));

        var events = GrantDecider.Decide(new RecordTranchePayment(2, batch, "BANK-9", new DateOnly(2027, 5, 2), ApprovedAt.AddDays(12)), batched);

        Assert.IsType<TranchePaid>(events[0]);
        Assert.Equal(58_000m, Assert.IsType<GrantClosed>(events[1]).TotalPaid.Amount);
    }

    [Fact]
    public void Should_round_eligible_spending_to_the_cent_before_computing_the_balance()
    {
        var events = GrantDecider.Decide(Final(50_000.005m), Paid(Active(60_000m, 12), 1));

        Assert.Equal(2_000.01m, events.OfType<TrancheDue>().Single().Amount.Amount);
    }

    [Fact]
    public void Should_count_pre_financing_in_an_unconfirmed_batch_as_paid_and_still_let_it_be_batched_after_closing()
    {
        var batch = Guid.NewGuid();
        var batched = Active(60_000m, 12).Pipe(new TrancheApproved(Application, 1, new Actor("anna", "approver"), []))
            .Pipe(new TrancheBatched(Application, 1, batch, "E2E"));

        var closed = After(batched, Final(48_000m));
        var returned = After(closed, new UnbatchTranche(1, batch, "rejected by the bank"));

        Assert.Equal((GrantStatus.Closed, 48_000m), (closed.Status, GrantDecider.Decide(Final(48_000m), batched).OfType<GrantClosed>().Single().TotalPaid.Amount));
        Assert.IsType<TrancheBatched>(Assert.Single(GrantDecider.Decide(new BatchTranche(1, Guid.NewGuid()), returned)));
    }
}

using Grants.EventSourcing;
using Grants.Hosting.Scheduling;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_the_agreement_is_signed
{
    [Fact]
    public void Should_make_the_pre_financing_due_within_45_days_in_brussels()
    {
        var events = GrantDecider.Decide(new SignAgreement(Application, Signed), Opened(60_000m, 12));

        Assert.IsType<AgreementSigned>(events[0]);
        var due = Assert.IsType<TrancheDue>(events[1]);
        Assert.Equal((1, 48_000m, new DateOnly(2026, 4, 16)), (due.Number, due.Amount.Amount, due.PayBy));
        // Brussels is on summer time (UTC+2) on 17 April: late from 22:00 UTC on the 16th.
        Assert.Equal(new DateTimeOffset(2026, 4, 16, 22, 0, 0, TimeSpan.Zero), due.LateFrom);
    }

    [Fact]
    public void Should_count_the_day_in_brussels_not_in_utc()
    {
        // 23:30 UTC on 1 March is already 2 March in Brussels.
        var events = GrantDecider.Decide(new SignAgreement(Application, new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero)), Opened(60_000m, 12));

        Assert.Equal(new DateOnly(2026, 4, 16), events.OfType<TrancheDue>().Single().PayBy);
    }

    [Fact]
    public void Should_change_nothing_when_signed_again()
    {
        Assert.Empty(GrantDecider.Decide(new SignAgreement(Application, Signed.AddDays(1)), Active(60_000m, 12)));
    }

    [Fact]
    public void Should_mark_the_tranche_late_only_after_its_pay_by_day_and_only_once()
    {
        var active = Active(60_000m, 12);
        var grantId = GrantIds.For(Application);

        Assert.Empty(GrantDecider.Decide(new MarkTrancheLate(grantId, 1, new DateTimeOffset(2026, 4, 16, 21, 59, 0, TimeSpan.Zero)), active));
        var late = GrantDecider.Decide(new MarkTrancheLate(grantId, 1, new DateTimeOffset(2026, 4, 16, 22, 0, 0, TimeSpan.Zero)), active);

        Assert.Equal(new DateOnly(2026, 4, 16), Assert.IsType<TranchePaymentLate>(Assert.Single(late)).PayBy);
        Assert.Empty(GrantDecider.Decide(new MarkTrancheLate(grantId, 1, Signed.AddDays(60)), late.Aggregate(active, Grant.Evolve)));
    }

    [Fact]
    public void Should_not_mark_a_paid_tranche_late()
    {
        var paid = Paid(Active(60_000m, 12), 1);

        Assert.Empty(GrantDecider.Decide(new MarkTrancheLate(GrantIds.For(Application), 1, Signed.AddDays(60)), paid));
    }

    [Fact]
    public void Should_schedule_the_deadline_when_due_and_cancel_it_when_paid_or_withheld()
    {
        var grant = GrantIds.For(Application);
        var due = GrantDecider.Decide(new SignAgreement(Application, Signed), Opened(60_000m, 12)).OfType<TrancheDue>().Single();
        StoredEvent Stored(object data) => new(default, Guid.NewGuid(), grant, 2, "t", data, Signed, new EventMetadata());

        var send = Assert.IsType<ScheduleChange.Send>(Assert.Single(LateTranches.Changes(Stored(due))));
        var paid = Assert.Single(LateTranches.Changes(Stored(new TranchePaid(Application, 1, due.Amount, new DateOnly(2026, 4, 1), Guid.NewGuid(), "B", "E"))));
        var withheld = Assert.Single(LateTranches.Changes(Stored(new TrancheWithheld(Application, 1, "final report"))));

        Assert.Equal((LateTranches.Key(grant, 1), due.LateFrom, new TrancheDeadlinePassed(grant, 1)), (send.Key, send.At, send.Command));
        Assert.Equal(new ScheduleChange.Cancel(send.Key), paid);
        Assert.Equal(new ScheduleChange.Cancel(send.Key), withheld);
        Assert.Empty(LateTranches.Changes(Stored(new AgreementSigned(Application, Signed))));
    }
}

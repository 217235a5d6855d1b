using Grants.Contracts.Reports;
using Grants.Hosting.Http;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_a_report_is_overdue
{
    private static readonly Guid Report = Guid.NewGuid();

    private static Grant Overdue() =>
        After(Active(60_000m, 12), new RecordReportOverdue(Application, Report, ReportKind.Interim, new DateOnly(2026, 10, 1)));

    [Fact]
    public void Should_block_every_pending_payment_of_the_grant()
    {
        var events = GrantDecider.Decide(new RecordReportOverdue(Application, Report, ReportKind.Interim, new DateOnly(2026, 10, 1)), Active(60_000m, 12));

        Assert.IsType<ReportOverdueRecorded>(events[0]);
        var blocked = Assert.IsType<TrancheBlocked>(events[1]);
        Assert.Equal((1, GrantDecider.ReportOverdueCode), (blocked.Number, blocked.ReasonCode));
    }

    [Fact]
    public void Should_refuse_to_prepare_a_payment_until_the_report_is_approved()
    {
        var payee = new Payee(true, "NGO", new Contracts.Organisations.BankAccount("BE68539007547034", "GKCCBEBB", "NGO"), true);
        var prepare = new PrepareTranche(1, Money.Eur(48_000m), new DateOnly(2026, 10, 5), new Actor("fiona", "finance"), payee,
            new ScreeningVerdict(true, null, ["un-2026-09-30"]), new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal("payment.report_overdue", Assert.Throws<DomainException>(() => GrantDecider.Decide(prepare, Overdue())).Code);
    }

    [Fact]
    public void Should_make_the_blocked_tranches_due_again_once_the_report_is_approved()
    {
        var events = GrantDecider.Decide(new ApproveReport(Application, Report, ReportKind.Interim, Money.Eur(10_000m), Signed.AddDays(200)), Overdue());

        Assert.Equal(1, Assert.Single(events.OfType<TrancheUnblocked>()).Number);
        Assert.Equal(TrancheStatus.Due, events.Aggregate(Overdue(), Grant.Evolve).Tranche(1)!.Status);
    }

    [Fact]
    public void Should_change_nothing_when_the_same_report_is_overdue_again()
    {
        Assert.Empty(GrantDecider.Decide(new RecordReportOverdue(Application, Report, ReportKind.Interim, new DateOnly(2026, 10, 1)), Overdue()));
    }

    [Fact]
    public void Should_block_a_tranche_that_falls_due_while_another_report_is_overdue()
    {
        var state = After(Paid(Active(200_000m, 24), 1), new RecordReportOverdue(Application, Guid.NewGuid(), ReportKind.Final, new DateOnly(2028, 7, 1)));

        var events = GrantDecider.Decide(new ApproveReport(Application, Report, ReportKind.Interim, Money.Eur(90_000m), Signed.AddDays(400)), state);

        Assert.Equal(2, events.OfType<TrancheDue>().Single().Number);
        Assert.Equal(2, events.OfType<TrancheBlocked>().Single().Number);
    }
}

using Grants.Contracts.Organisations;
using Grants.Contracts.Reports;
using Grants.Hosting.Http;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_a_sanctions_hit_is_confirmed
{
    private static readonly Guid Hit = Guid.Parse("3e1d2c4b-5a69-4788-9a0b-1c2d3e4f5a66");
    private static readonly DateTimeOffset Now = Signed.AddDays(3);
    private static readonly Actor Fiona = new("fiona", "finance");
    private static readonly Actor Anna = new("anna", "approver");
    private static readonly Payee Verified = new(true, "Femmes pour la Paix", new BankAccount("BE68539007547034", "GKCCBEBB", "Femmes pour la Paix asbl"), true);
    private static readonly ScreeningVerdict Clear = new(true, null, ["un-2026-03-01"]);
    private static readonly FreezeGrant Freeze = new(Hit, "'Abdulrahman el-Masri' is UN entry QDi.901", Fiona, Now);

    private static PrepareTranche Prepare(int number = 1, decimal amount = 48_000m) =>
        new(number, Money.Eur(amount), new DateOnly(2026, 3, 10), Fiona, Verified, Clear, Now);

    private static Grant Approved() => After(After(Active(60_000m, 12), Prepare()), new ApproveTranche(1, Anna, Verified, Clear, Now));

    [Fact]
    public void Should_freeze_the_grant_and_block_every_pending_tranche_with_the_reason()
    {
        var events = GrantDecider.Decide(Freeze, Approved());

        var frozen = Assert.IsType<GrantFrozen>(events[0]);
        var blocked = Assert.IsType<TrancheBlocked>(Assert.Single(events.Skip(1)));
        Assert.Equal((Organisation, Hit, Fiona), (frozen.OrganisationId, frozen.HitId, frozen.FrozenBy));
        Assert.StartsWith("sanctions_confirmed: ", frozen.Reason, StringComparison.Ordinal);
        Assert.Contains("QDi.901", frozen.Reason, StringComparison.Ordinal);
        Assert.Equal((1, GrantDecider.FrozenCode, frozen.Reason), (blocked.Number, blocked.ReasonCode, blocked.Reason));
        var after = events.Aggregate(Approved(), Grant.Evolve);
        Assert.Equal(TrancheStatus.Blocked, after.Tranche(1)!.Status);
        Assert.Null(after.Tranche(1)!.ApprovedBy);
    }

    [Fact]
    public void Should_freeze_an_open_grant_before_anything_is_due_without_blocking_a_planned_tranche()
    {
        var events = GrantDecider.Decide(Freeze, Opened(60_000m, 12));

        Assert.IsType<GrantFrozen>(Assert.Single(events));
    }

    [Fact]
    public void Should_refuse_to_prepare_or_approve_a_payment_of_a_frozen_grant()
    {
        var prepared = After(Active(60_000m, 12), Prepare());

        Assert.Equal("grant.frozen", Assert.Throws<DomainException>(() => GrantDecider.Decide(Prepare(), After(Active(60_000m, 12), Freeze))).Code);
        var error = Assert.Throws<DomainException>(() => GrantDecider.Decide(new ApproveTranche(1, Anna, Verified, Clear, Now), After(prepared, Freeze)));
        Assert.Equal(("grant.frozen", DomainErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void Should_refuse_to_batch_a_tranche_of_a_frozen_grant()
    {
        var frozenWhileApproved = Approved().Pipe(new GrantFrozen(Application, Organisation, Hit, "sanctions_confirmed: test", Fiona, Now));

        Assert.Equal("grant.frozen", Assert.Throws<DomainException>(() => GrantDecider.Decide(new BatchTranche(1, Guid.NewGuid()), frozenWhileApproved)).Code);
    }

    [Fact]
    public void Should_keep_a_batched_tranche_in_its_batch_and_block_it_when_the_batch_is_rejected()
    {
        var batch = Guid.NewGuid();
        var frozen = After(After(Approved(), new BatchTranche(1, batch)), Freeze);

        var events = GrantDecider.Decide(new UnbatchTranche(1, batch, "batch rejected: frozen grant"), frozen);

        Assert.Equal(TrancheStatus.Batched, frozen.Tranche(1)!.Status);
        Assert.IsType<TrancheUnbatched>(events[0]);
        Assert.Equal(GrantDecider.FrozenCode, Assert.IsType<TrancheBlocked>(events[1]).ReasonCode);
        Assert.Equal(TrancheStatus.Blocked, events.Aggregate(frozen, Grant.Evolve).Tranche(1)!.Status);
    }

    [Fact]
    public void Should_block_a_tranche_that_falls_due_after_the_freeze()
    {
        var frozen = After(Opened(60_000m, 12), Freeze);

        var events = GrantDecider.Decide(new SignAgreement(Application, Signed), frozen);

        Assert.Equal(1, events.OfType<TrancheDue>().Single().Number);
        Assert.Equal(GrantDecider.FrozenCode, events.OfType<TrancheBlocked>().Single().ReasonCode);
    }

    [Fact]
    public void Should_not_let_an_approved_report_unblock_a_frozen_tranche()
    {
        var report = Guid.NewGuid();
        var overdue = After(Active(60_000m, 12), new RecordReportOverdue(Application, report, ReportKind.Interim, new DateOnly(2026, 10, 1)));
        var frozen = After(overdue, Freeze);

        var events = GrantDecider.Decide(new ApproveReport(Application, report, ReportKind.Interim, Money.Eur(10_000m), Signed.AddDays(200)), frozen);

        Assert.Equal(GrantDecider.FrozenCode, frozen.Tranche(1)!.BlockCode);
        Assert.Empty(events.OfType<TrancheUnblocked>());
        Assert.Empty(GrantDecider.Decide(new RecordReportOverdue(Application, Guid.NewGuid(), ReportKind.Interim, new DateOnly(2026, 11, 1)), frozen)
            .OfType<TrancheBlocked>());
    }

    [Fact]
    public void Should_change_nothing_when_frozen_again_or_when_the_grant_is_closed()
    {
        var frozen = After(Active(60_000m, 12), Freeze);
        var closed = Active(60_000m, 12).Pipe(new GrantClosed(Application, Money.Eur(0m), Money.Eur(0m), Now));

        Assert.Empty(GrantDecider.Decide(Freeze with { HitId = Guid.NewGuid() }, frozen));
        Assert.Empty(GrantDecider.Decide(Freeze, closed));
        Assert.Empty(GrantDecider.Decide(Freeze, Grant.Initial));
    }
}

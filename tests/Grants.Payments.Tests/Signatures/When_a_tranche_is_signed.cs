using Grants.Contracts.Organisations;
using Grants.Hosting.Http;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;
using static Grants.Payments.Tests.Ledger.Given;

namespace Grants.Payments.Tests.Signatures;

public sealed class When_a_tranche_is_signed
{
    private static readonly DateTimeOffset Now = Signed.AddDays(3);
    private static readonly DateOnly Execution = new(2026, 3, 10);
    private static readonly Actor Fiona = new("fiona", "finance");
    private static readonly Actor Anna = new("anna", "approver");
    private static readonly BankAccount Account = new("BE68539007547034", "GKCCBEBB", "Femmes pour la Paix asbl");
    private static readonly Payee Verified = new(true, "Femmes pour la Paix", Account, true);
    private static readonly ScreeningVerdict Clear = new(true, null, ["un-2026-03-01", "eu-2026-02-27"]);

    private static PrepareTranche Prepare(Payee? payee = null, ScreeningVerdict? screening = null, decimal amount = 48_000m, Actor? by = null, DateOnly? on = null) =>
        new(1, Money.Eur(amount), on ?? Execution, by ?? Fiona, payee ?? Verified, screening ?? Clear, Now);

    private static ApproveTranche Approve(Actor? by = null, Payee? payee = null, ScreeningVerdict? screening = null) =>
        new(1, by ?? Anna, payee ?? Verified, screening ?? Clear, Now);

    private static Grant Prepared() => After(Active(60_000m, 12), Prepare());

    [Fact]
    public void Should_prepare_a_due_tranche_with_its_amount_date_account_and_list_versions()
    {
        var prepared = Assert.IsType<TranchePrepared>(Assert.Single(GrantDecider.Decide(Prepare(), Active(60_000m, 12))));

        Assert.Equal((48_000m, Execution, Account, "fiona"), (prepared.Amount.Amount, prepared.ExecutionDate, prepared.Account, prepared.PreparedBy.UserId));
        Assert.Equal(Clear.ListVersions, prepared.ListVersions);
    }

    [Fact]
    public void Should_refuse_an_amount_other_than_the_one_due()
    {
        Assert.Equal("tranche.amount_mismatch", Assert.Throws<DomainException>(() => GrantDecider.Decide(Prepare(amount: 48_000.01m), Active(60_000m, 12))).Code);
    }

    [Fact]
    public void Should_refuse_an_execution_date_in_the_past()
    {
        Assert.Equal("tranche.execution_date_invalid", Assert.Throws<DomainException>(() => GrantDecider.Decide(Prepare(on: new DateOnly(2026, 3, 4)), Active(60_000m, 12))).Code);
    }

    [Fact]
    public void Should_block_the_tranche_on_a_sanctions_hit_with_the_reason_and_list_versions()
    {
        var hit = new ScreeningVerdict(false, "account holder matches UN entry QDe.001", ["un-2026-03-01"]);

        var blocked = Assert.IsType<TrancheBlocked>(Assert.Single(GrantDecider.Decide(Prepare(screening: hit), Active(60_000m, 12))));

        Assert.Equal(("sanctions_hit", "account holder matches UN entry QDe.001"), (blocked.ReasonCode, blocked.Reason));
        Assert.Equal(["un-2026-03-01"], blocked.ListVersions);
    }

    [Fact]
    public void Should_block_while_changed_bank_details_are_not_verified()
    {
        var events = GrantDecider.Decide(Prepare(payee: Verified with { Verified = false }), Active(60_000m, 12));

        Assert.Equal("bank_details_unverified", Assert.IsType<TrancheBlocked>(Assert.Single(events)).ReasonCode);
    }

    [Fact]
    public void Should_block_an_account_whose_iban_fails_its_checksum()
    {
        var events = GrantDecider.Decide(Prepare(payee: Verified with { Account = Account with { Iban = "BE68539007547035" } }), Active(60_000m, 12));

        Assert.Equal("bank_details_invalid", Assert.IsType<TrancheBlocked>(Assert.Single(events)).ReasonCode);
    }

    [Fact]
    public void Should_let_a_blocked_tranche_be_prepared_again_once_the_block_is_resolved()
    {
        var blocked = After(Active(60_000m, 12), Prepare(screening: new ScreeningVerdict(false, "hit", ["un-1"])));

        Assert.IsType<TranchePrepared>(Assert.Single(GrantDecider.Decide(Prepare(), blocked)));
    }

    [Fact]
    public void Should_approve_with_a_second_person()
    {
        var approved = Assert.IsType<TrancheApproved>(Assert.Single(GrantDecider.Decide(Approve(), Prepared())));

        Assert.Equal("anna", approved.ApprovedBy.UserId);
    }

    [Fact]
    public void Should_refuse_approval_by_the_preparer()
    {
        var error = Assert.Throws<DomainException>(() => GrantDecider.Decide(Approve(by: new Actor("fiona", "approver")), Prepared()));

        Assert.Equal("tranche.same_person", error.Code);
    }

    [Fact]
    public void Should_refuse_approval_of_a_tranche_nobody_prepared()
    {
        Assert.Equal("tranche.not_prepared", Assert.Throws<DomainException>(() => GrantDecider.Decide(Approve(), Active(60_000m, 12))).Code);
    }

    [Fact]
    public void Should_block_approval_when_the_account_changed_since_preparation()
    {
        var changed = Verified with { Account = new BankAccount("NL91ABNA0417164300", "ABNANL2A", "Femmes pour la Paix asbl") };

        var blocked = Assert.IsType<TrancheBlocked>(Assert.Single(GrantDecider.Decide(Approve(payee: changed), Prepared())));

        Assert.Equal("bank_details_changed", blocked.ReasonCode);
        Assert.Null(Grant.Evolve(Prepared(), blocked).Tranche(1)!.Preparation);
    }

    [Fact]
    public void Should_screen_again_at_approval()
    {
        var events = GrantDecider.Decide(Approve(screening: new ScreeningVerdict(false, "new list entry", ["un-2026-03-04"])), Prepared());

        Assert.Equal("sanctions_hit", Assert.IsType<TrancheBlocked>(Assert.Single(events)).ReasonCode);
    }

    [Fact]
    public void Should_change_nothing_when_the_same_signature_is_given_twice()
    {
        Assert.Empty(GrantDecider.Decide(Prepare(), Prepared()));
        Assert.Empty(GrantDecider.Decide(Approve(), After(Prepared(), Approve())));
    }

    [Fact]
    public void Should_put_an_approved_tranche_in_one_batch_only()
    {
        var batched = After(After(Prepared(), Approve()), new BatchTranche(1, Guid.NewGuid()));

        var error = Assert.Throws<DomainException>(() => GrantDecider.Decide(new BatchTranche(1, Guid.NewGuid()), batched));

        Assert.Equal("tranche.not_approved", error.Code);
    }

    [Fact]
    public void Should_record_a_payment_once_and_only_for_the_batch_the_tranche_is_in()
    {
        var batch = Guid.NewGuid();
        var batched = After(After(Prepared(), Approve()), new BatchTranche(1, batch));
        var pay = new RecordTranchePayment(1, batch, "BANK-1", new DateOnly(2026, 3, 10), Now);

        var paid = After(batched, pay);

        Assert.Empty(GrantDecider.Decide(new RecordTranchePayment(1, Guid.NewGuid(), "BANK-2", new DateOnly(2026, 3, 10), Now), batched));
        Assert.Empty(GrantDecider.Decide(pay, paid));
        Assert.Equal(TrancheStatus.Paid, paid.Tranche(1)!.Status);
    }

    [Fact]
    public void Should_return_a_rejected_batch_s_tranche_to_approved_with_the_same_end_to_end_id_next_time()
    {
        var first = Guid.NewGuid();
        var batched = GrantDecider.Decide(new BatchTranche(1, first), After(Prepared(), Approve())).OfType<TrancheBatched>().Single();
        var back = After(After(After(Prepared(), Approve()), new BatchTranche(1, first)), new UnbatchTranche(1, first, "rejected"));

        var again = GrantDecider.Decide(new BatchTranche(1, Guid.NewGuid()), back).OfType<TrancheBatched>().Single();

        Assert.Equal(TrancheStatus.Approved, back.Tranche(1)!.Status);
        Assert.Equal(batched.EndToEndId, again.EndToEndId);
        Assert.Equal(35, again.EndToEndId.Length);
    }
}

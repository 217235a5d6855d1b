using Grants.Contracts.Calls;
using Grants.Contracts.Organisations;
using Grants.Payments.Calls;
using Grants.Payments.Organisations;

namespace Grants.Payments.Tests.Ledger;

public sealed class When_payee_details_arrive
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly BankAccount First = new("BE68539007547034", "GKCCBEBB", "Femmes pour la Paix");
    private static readonly BankAccount Second = new("NL91ABNA0417164300", "ABNANL2A", "Femmes pour la Paix");

    private static Payee State(params object[] events) => events.Aggregate(Payee.Initial, Payee.Evolve);

    [Fact]
    public void Should_take_the_registered_account_as_the_verified_baseline()
    {
        var recorded = Assert.IsType<BankAccountRecorded>(Assert.Single(Payee.Registered(new(Organisation, "FpP", First, false), Payee.Initial)));

        Assert.True(recorded.Verified);
    }

    [Fact]
    public void Should_not_let_a_late_registration_undo_a_later_change()
    {
        var changed = State(new BankAccountRecorded(Organisation, "FpP", Second, false));

        Assert.Empty(Payee.Registered(new(Organisation, "FpP", First, true), changed));
    }

    [Fact]
    public void Should_record_a_change_and_its_verification_but_not_the_same_details_again()
    {
        var registered = State(new BankAccountRecorded(Organisation, "FpP", First, true));
        var unverified = new BankAccountRecorded(Organisation, "FpP", Second, false);

        Assert.Single(Payee.Updated(unverified, registered));
        Assert.Empty(Payee.Updated(unverified, State(registered, unverified)));
        Assert.Single(Payee.Updated(unverified with { Verified = true }, State(registered, unverified)));
    }

    [Theory]
    [InlineData("BE68539007547034", true)]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("BE68539007547035", false)]
    [InlineData("be68539007547034", false)]
    [InlineData("BE68 5390 0754 7034", false)]
    [InlineData("BE6853900754", false)]
    [InlineData("", false)]
    public void Should_check_the_iban_checksum(string iban, bool valid) => Assert.Equal(valid, Iban.IsValid(iban));

    [Fact]
    public void Should_record_a_call_s_rules_once_per_version()
    {
        var opened = new CallRulesRecorded(Guid.NewGuid(), "PB-2026-01", "Peace building", Money.Eur(1_000_000m), "Europe/Brussels", 2, new PaymentRules());
        var known = PaymentCall.Evolve(PaymentCall.Initial, opened);

        Assert.Single(PaymentCall.Decide(opened, PaymentCall.Initial));
        Assert.Empty(PaymentCall.Decide(opened, known));
        Assert.Empty(PaymentCall.Decide(opened with { RulesVersion = 1 }, known));
        Assert.Single(PaymentCall.Decide(opened with { RulesVersion = 3 }, known));
    }
}

using Grants.Applications.Organisations;
using Grants.Contracts.Organisations;
using static Grants.Applications.Tests.Given;

namespace Grants.Applications.Tests.Organisations;

public sealed class When_an_organisation_is_decided_on
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly BankAccount First = new("BE71096123456769", "GEBABEBB", "Peace NGO");
    private static readonly BankAccount Second = new("DE89370400440532013000", "DEUTDEFF500", "Peace NGO");

    public static OrganisationProfile Profile { get; } = new(
        "Peace NGO asbl", "0123.456.789", "BE", "asbl", new Address("Rue de la Loi 1", "1000", "Brussels", "BE"), new Contact("Ann", "ann@ngo.example", null));

    private static object[] Registered() => [new OrganisationRegisteredEvent(Id, Profile, First, Applicant, Now)];

    private static object[] Verified() => [.. Registered(), new BankAccountVerified(Id, Profile, First, Officer, Now)];

    private static IReadOnlyList<object> Decide(IEnumerable<object> given, OrganisationCommand command) =>
        OrganisationDecider.Decide(command, Spec.State<Organisation>(given));

    private static OrganisationCommand.Update Update(BankAccount account, string legalName = "Peace NGO asbl") =>
        new(legalName, Profile.LegalForm, Profile.Address, Profile.Contact, account, Applicant, Now);

    [Fact]
    public void Should_register_with_its_bank_account_awaiting_verification()
    {
        var events = Decide([], new OrganisationCommand.Register(Id, Profile, First, Applicant, Now));

        var state = Spec.State<Organisation>(events);
        Assert.Equal((true, (BankAccount?)null, First), (state.IsRegistered, state.VerifiedAccount, state.Pending!.Account));
    }

    [Fact]
    public void Should_refuse_to_register_twice() =>
        Assert.Equal("organisation.already_registered", Spec.ErrorCode(() => Decide(Registered(), new OrganisationCommand.Register(Id, Profile, First, Applicant, Now))));

    [Fact]
    public void Should_refuse_to_update_an_organisation_never_registered() =>
        Assert.Equal("organisation.not_found", Spec.ErrorCode(() => Decide([], Update(First))));

    [Fact]
    public void Should_record_nothing_when_nothing_changed() => Assert.Empty(Decide(Verified(), Update(First)));

    [Fact]
    public void Should_keep_a_new_bank_account_pending_beside_the_verified_one()
    {
        var events = Decide(Verified(), Update(Second));

        var requested = Assert.IsType<BankAccountChangeRequested>(Assert.Single(events));
        var state = Spec.State<Organisation>([.. Verified(), .. events]);
        Assert.Equal((Second, First, Second), (requested.Account, state.VerifiedAccount, state.AccountOnFile));
    }

    [Fact]
    public void Should_record_a_profile_change_with_the_account_on_file()
    {
        var updated = Assert.IsType<OrganisationProfileUpdated>(Assert.Single(Decide(Verified(), Update(First, "Peace NGO international"))));

        Assert.Equal(("Peace NGO international", First, true), (updated.Profile.LegalName, updated.AccountOnFile, updated.AccountVerified));
    }

    [Fact]
    public void Should_verify_a_pending_account_by_a_second_person()
    {
        var verified = Assert.IsType<BankAccountVerified>(Assert.Single(Decide(Registered(), new OrganisationCommand.VerifyBankAccount(Officer, Now))));

        Assert.Equal((First, Officer), (verified.Account, verified.VerifiedBy));
    }

    [Fact]
    public void Should_refuse_a_verification_by_whoever_entered_the_account() =>
        Assert.Equal("organisation.same_person", Spec.ErrorCode(() => Decide(
            [.. Verified(), new BankAccountChangeRequested(Id, Profile, Second, Officer, Now)], new OrganisationCommand.VerifyBankAccount(Officer, Now))));

    [Fact]
    public void Should_refuse_a_verification_when_nothing_is_pending() =>
        Assert.Equal("organisation.no_pending_bank_change", Spec.ErrorCode(() => Decide(Verified(), new OrganisationCommand.VerifyBankAccount(OtherOfficer, Now))));

    [Theory]
    [InlineData("BE71096123456769", true)]
    [InlineData("BE71 0961 2345 6769", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("BE71096123456768", false)]
    [InlineData("XX71096123456769", false)]
    [InlineData("BE71", false)]
    public void Should_check_an_iban_by_its_check_digits(string iban, bool valid) => Assert.Equal(valid, BankDetails.IsValidIban(iban));

    [Theory]
    [InlineData("GEBABEBB", true)]
    [InlineData("DEUTDEFF500", true)]
    [InlineData("GEBABE", false)]
    [InlineData("GEBAZZBB", false)]
    [InlineData("1EBABEBB", false)]
    public void Should_check_a_bic_by_its_shape(string bic, bool valid) => Assert.Equal(valid, BankDetails.IsValidBic(bic));
}

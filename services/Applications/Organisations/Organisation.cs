using Grants.Contracts.Organisations;

namespace Grants.Applications.Organisations;

public sealed record Address(string Street, string PostalCode, string City, string Country);

public sealed record Contact(string Name, string Email, string? Phone);

/// <summary>What an organisation says about itself; the registration number and country never change.</summary>
public sealed record OrganisationProfile(string LegalName, string RegistrationNumber, string Country, string LegalForm, Address Address, Contact Contact);

public sealed record PendingBankAccount(BankAccount Account, Actor RequestedBy, DateTimeOffset At);

/// <summary>Bank details start pending too: nothing is paid to an account no second person has checked.</summary>
public sealed record OrganisationRegisteredEvent(Guid OrganisationId, OrganisationProfile Profile, BankAccount BankAccount, Actor RegisteredBy, DateTimeOffset At);

/// <summary>The profile as it now is, with the account on file, so what leaves the service needs nothing else.</summary>
public sealed record OrganisationProfileUpdated(Guid OrganisationId, OrganisationProfile Profile, BankAccount AccountOnFile, bool AccountVerified, Actor UpdatedBy, DateTimeOffset At);

public sealed record BankAccountChangeRequested(Guid OrganisationId, OrganisationProfile Profile, BankAccount Account, Actor RequestedBy, DateTimeOffset At);

public sealed record BankAccountVerified(Guid OrganisationId, OrganisationProfile Profile, BankAccount Account, Actor VerifiedBy, DateTimeOffset At);

/// <summary>Keeps a registration number and country to one organisation: the stream id follows from them.</summary>
public sealed record RegistrationNumberClaimed(Guid OrganisationId, string RegistrationNumber, string Country);

/// <summary>Binds an applicant user to the one organisation they registered.</summary>
public sealed record ApplicantBound(Guid OrganisationId, string UserId);

public sealed record Organisation(Guid Id, OrganisationProfile? Profile, BankAccount? VerifiedAccount, PendingBankAccount? Pending)
    : IEventSourced<Organisation>
{
    public static Organisation Initial { get; } = new(Guid.Empty, null, null, null);

    public bool IsRegistered => Profile is not null;

    public BankAccount? AccountOnFile => Pending?.Account ?? VerifiedAccount;

    public static Organisation Evolve(Organisation state, object @event) => @event switch
    {
        OrganisationRegisteredEvent e => new Organisation(e.OrganisationId, e.Profile, null, new PendingBankAccount(e.BankAccount, e.RegisteredBy, e.At)),
        OrganisationProfileUpdated e => state with { Profile = e.Profile },
        BankAccountChangeRequested e => state with { Profile = e.Profile, Pending = new PendingBankAccount(e.Account, e.RequestedBy, e.At) },
        BankAccountVerified e => state with { VerifiedAccount = e.Account, Pending = null },
        _ => state,
    };

    public static string RegistrationKey(string registrationNumber, string country) =>
        $"{country}/{new string([.. registrationNumber.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)])}";
}

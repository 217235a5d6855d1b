using System.Net.Mail;
using Grants.Applications.Calls;
using Grants.Contracts.Organisations;

namespace Grants.Applications.Organisations;

public sealed record AddressRequest(string? Street, string? PostalCode, string? City, string? Country);

public sealed record ContactRequest(string? Name, string? Email, string? Phone);

public sealed record BankAccountRequest(string? Iban, string? Bic, string? HolderName);

/// <summary>An organisation as the NGO registers or updates it (registration number and country are kept from the registration).</summary>
public sealed record OrganisationRequest(
    string? LegalName,
    string? RegistrationNumber,
    string? Country,
    string? LegalForm,
    AddressRequest? Address,
    ContactRequest? Contact,
    BankAccountRequest? BankAccount)
{
    private const int MaxText = 300;

    public (OrganisationProfile Profile, BankAccount Account) Validate(bool registering)
    {
        var v = new Validation()
            .Required(nameof(LegalName), LegalName).MaxLength(nameof(LegalName), LegalName, MaxText)
            .Required(nameof(LegalForm), LegalForm).MaxLength(nameof(LegalForm), LegalForm, 100)
            .Required(nameof(Address), Address)
            .Required(nameof(Contact), Contact)
            .Required(nameof(BankAccount), BankAccount);
        if (registering)
        {
            v.Required(nameof(RegistrationNumber), RegistrationNumber).MaxLength(nameof(RegistrationNumber), RegistrationNumber, 50)
                .Must(Country is null || CountryCodes.IsKnown(Country), nameof(Country), "must be an ISO 3166 alpha-2 country code.")
                .Required(nameof(Country), Country);
        }

        if (Address is { } a)
        {
            v.Required("Address.Street", a.Street).MaxLength("Address.Street", a.Street, MaxText)
                .Required("Address.PostalCode", a.PostalCode).MaxLength("Address.PostalCode", a.PostalCode, 20)
                .Required("Address.City", a.City).MaxLength("Address.City", a.City, 100)
                .Must(CountryCodes.IsKnown(a.Country), "Address.Country", "must be an ISO 3166 alpha-2 country code.");
        }

        if (Contact is { } c)
        {
            v.Required("Contact.Name", c.Name).MaxLength("Contact.Name", c.Name, 200)
                .Must(IsEmail(c.Email), "Contact.Email", "must be an e-mail address.")
                .MaxLength("Contact.Phone", c.Phone, 40);
        }

        if (BankAccount is { } b)
        {
            v.Must(BankDetails.IsValidIban(b.Iban), "BankAccount.Iban", "is not a valid IBAN (its check digits do not match).")
                .Must(BankDetails.IsValidBic(b.Bic), "BankAccount.Bic", "is not a valid BIC (8 or 11 characters: bank, country, location, branch).")
                .Required("BankAccount.HolderName", b.HolderName).MaxLength("BankAccount.HolderName", b.HolderName, 140);
        }

        v.ThrowIfInvalid();
        var profile = new OrganisationProfile(
            LegalName!.Trim(), RegistrationNumber?.Trim() ?? "", Country ?? "", LegalForm!.Trim(),
            new Address(Address!.Street!.Trim(), Address.PostalCode!.Trim(), Address.City!.Trim(), Address.Country!),
            new Contact(Contact!.Name!.Trim(), Contact.Email!.Trim(), Contact.Phone?.Trim()));
        return (profile, new BankAccount(BankDetails.Normalize(BankAccount!.Iban), BankDetails.Normalize(BankAccount.Bic), BankAccount.HolderName!.Trim()));
    }

    private static bool IsEmail(string? value) =>
        value is { Length: <= 254 } && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();
}

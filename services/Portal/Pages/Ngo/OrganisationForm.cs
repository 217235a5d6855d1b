namespace Grants.Portal.Pages.Ngo;

public sealed class AddressForm
{
    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }
}

public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

public sealed class BankAccountForm
{
    public string? Iban { get; set; }

    public string? Bic { get; set; }

    public string? HolderName { get; set; }
}

/// <summary>The organisation form, shaped as the Applications API takes it, so its field errors land on these fields as they are.</summary>
public sealed class OrganisationForm
{
    public string? LegalName { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? Country { get; set; }

    public string? LegalForm { get; set; }

    public AddressForm Address { get; set; } = new();

    public ContactForm Contact { get; set; } = new();

    public BankAccountForm BankAccount { get; set; } = new();

    public static OrganisationForm Of(OrganisationView o) => new()
    {
        LegalName = o.Profile.LegalName,
        RegistrationNumber = o.Profile.RegistrationNumber,
        Country = o.Profile.Country,
        LegalForm = o.Profile.LegalForm,
        Address = new() { Street = o.Profile.Address.Street, PostalCode = o.Profile.Address.PostalCode, City = o.Profile.Address.City, Country = o.Profile.Address.Country },
        Contact = new() { Name = o.Profile.Contact.Name, Email = o.Profile.Contact.Email, Phone = o.Profile.Contact.Phone },
        BankAccount = (o.PendingBankAccount ?? o.BankAccount) is { } b ? new() { Iban = b.Iban, Bic = b.Bic, HolderName = b.HolderName } : new(),
    };
}

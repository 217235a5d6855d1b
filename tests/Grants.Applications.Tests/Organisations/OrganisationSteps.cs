using System.Net;

namespace Grants.Applications.Tests.Organisations;

public static class OrganisationSteps
{
    public static object Request(string registrationNumber, string iban = "BE71096123456769", string legalName = "Peace NGO asbl") => new
    {
        legalName,
        registrationNumber,
        country = "BE",
        legalForm = "asbl",
        address = new { street = "Rue de la Loi 1", postalCode = "1000", city = "Brussels", country = "BE" },
        contact = new { name = "Ann", email = "ann@ngo.example", phone = "+32 2 000 00 00" },
        bankAccount = new { iban, bic = "GEBABEBB", holderName = "Peace NGO asbl" },
    };

    /// <summary>Registers a new organisation with its own applicant user and verified bank details; returns its id.</summary>
    public static async Task<Guid> RegisterOrganisation(this AppHost host, string? user = null)
    {
        var id = Guid.NewGuid();
        using var applicant = host.Applicant(id, user ?? $"ngo-{id:N}");
        await (await applicant.Post("/organisations", Request($"REG-{id:N}"))).Json200(HttpStatusCode.Created);
        using var officer = host.Officer();
        await (await officer.Post($"/organisations/{id}/bank-account/verify")).Json200();
        return id;
    }
}

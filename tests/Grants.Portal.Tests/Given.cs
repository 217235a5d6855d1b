using System.Net.Http.Json;
using Grants.Hosting.Security;

namespace Grants.Portal.Tests;

/// <summary>What a test needs to find already there, put straight through the Applications API.</summary>
public static class Given
{
    public static async Task<(Guid Id, string Reference)> OpenCall(this PortalSystem system, string title, DateTimeOffset deadline, decimal envelope)
    {
        var reference = $"T-{Guid.NewGuid().ToString()[..8]}";
        using var officer = system.Api(GrantsRoles.Officer, "officer");
        var call = await Id(await officer.PostAsJsonAsync("calls", new { Reference = reference, Title = title, SubmissionDeadline = deadline, Envelope = envelope }));
        (await officer.PostAsync(new Uri($"calls/{call}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return (call, reference);
    }

    /// <summary>An applicant account whose organisation is registered (with a bank account), as the API needs before an application.</summary>
    public static async Task<(string User, Guid Organisation)> RegisteredApplicant(this PortalSystem system, string legalName)
    {
        var organisation = Guid.NewGuid();
        var user = await system.Account(GrantsRoles.Applicant, organisation);
        using var ngo = system.Api(GrantsRoles.Applicant, user, organisation);
        (await ngo.PostAsJsonAsync("organisations", new
        {
            LegalName = legalName, RegistrationNumber = Guid.NewGuid().ToString()[..12], Country = "BE", LegalForm = "asbl",
            Address = new { Street = "Rue 1", PostalCode = "1000", City = "Brussels", Country = "BE" },
            Contact = new { Name = "Someone", Email = "someone@example.org" },
            BankAccount = new { Iban = "BE71096123456769", Bic = "GKCCBEBB", HolderName = legalName },
        })).EnsureSuccessStatusCode();
        return (user, organisation);
    }

    public static async Task<Guid> Id(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }
}

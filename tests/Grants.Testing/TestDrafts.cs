namespace Grants.Testing;

/// <summary>The request bodies of an NGO that registers and drafts a complete application a call with the programme's defaults accepts.</summary>
public static class TestDrafts
{
    public static object Organisation(Guid organisation) => new
    {
        legalName = $"Peace NGO {organisation:N}",
        registrationNumber = $"REG-{organisation:N}",
        country = "BE",
        legalForm = "asbl",
        address = new { street = "Rue de la Loi 1", postalCode = "1000", city = "Brussels", country = "BE" },
        contact = new { name = "Ann", email = "ann@ngo.example", phone = "+32 2 000 00 00" },
        bankAccount = new { iban = "BE71096123456769", bic = "GEBABEBB", holderName = "Peace NGO asbl" },
    };

    /// <summary>
    /// EUR 214,000 over 24 months from September 2027: within a call whose grants run from 50,000 to
    /// 300,000. The partner works in the first country; <paramref name="budget"/> replaces the lines.
    /// </summary>
    public static object Application(
        Guid callId, string title = "Mediation in the Great Lakes", string theme = "conflict-prevention-and-mediation", string[]? countries = null, object? budget = null) => new
    {
        callId,
        title,
        theme,
        countries = countries ?? ["BI"],
        startDate = "2027-09-01",
        endDate = "2029-08-31",
        summary = "Local mediators resolve land conflicts.",
        objectives = new[]
        {
            new
            {
                description = "Fewer violent land disputes",
                results = new[] { new { description = "Mediators trained", indicators = new[] { new { name = "mediators trained", baseline = "0", target = "120" } } } },
            },
        },
        partners = new[] { new { name = "Local NGO", country = (countries ?? ["BI"])[0], role = "implementing partner" } },
        budget = budget ?? new[]
        {
            new { category = "staff", description = "Mediators", amount = 150_000m, coFinancing = 20_000m },
            new { category = "activities", description = "Workshops", amount = 50_000m, coFinancing = 0m },
            new { category = "indirect", description = "Overheads", amount = 14_000m, coFinancing = 0m },
        },
    };
}

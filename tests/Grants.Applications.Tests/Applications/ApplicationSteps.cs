using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Grants.Applications.Tests.Applications;

public static class ApplicationSteps
{
    public static object Draft(Guid callId, string title = "Mediation in the Great Lakes", object? budget = null) => new
    {
        callId,
        title,
        theme = "conflict-prevention-and-mediation",
        countries = new[] { "BI", "CD" },
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
        partners = new[] { new { name = "Local NGO", country = "BI", role = "implementing partner" } },
        budget = budget ?? new[]
        {
            new { category = "staff", description = "Mediators", amount = 150_000m, coFinancing = 20_000m },
            new { category = "activities", description = "Workshops", amount = 50_000m, coFinancing = 0m },
            new { category = "indirect", description = "Overheads", amount = 14_000m, coFinancing = 0m },
        },
    };

    /// <summary>Drafts a complete application; returns its id and ETag.</summary>
    public static async Task<(Guid Id, string ETag)> DraftApplication(this HttpClient applicant, Guid callId, object? body = null)
    {
        var response = await applicant.Post("/applications", body ?? Draft(callId));
        var created = await response.Json200(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), response.ETag());
    }

    public static async Task<JsonElement> Submit(this HttpClient applicant, Guid id) => await (await applicant.Post($"/applications/{id}/submit")).Json200();

    public static Task<HttpResponseMessage> Attach(this HttpClient applicant, Guid id, byte[] content, string fileName, string resource = "applications")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return applicant.PostAsync(new Uri($"/{resource}/{id}/attachments?fileName={Uri.EscapeDataString(fileName)}", UriKind.Relative), body);
    }
}

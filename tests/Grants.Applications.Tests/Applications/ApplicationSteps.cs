using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Grants.Applications.Tests.Applications;

public static class ApplicationSteps
{
    public static object Draft(Guid callId, string title = "Mediation in the Great Lakes", object? budget = null) =>
        TestDrafts.Application(callId, title, countries: ["BI", "CD"], budget: budget);

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

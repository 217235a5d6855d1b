using System.Net;
using System.Text.Json;

namespace Grants.Applications.Tests.Calls;

/// <summary>Steps over HTTP that many tests take on the way to what they check.</summary>
public static class CallSteps
{
    public static object NewCall(DateTimeOffset deadline, string reference = "PB-2027-1", object? extra = null)
    {
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var local = TimeZoneInfo.ConvertTime(deadline, brussels).DateTime;
        var call = new Dictionary<string, object?>
        {
            ["reference"] = reference,
            ["title"] = "Peace building 2027",
            ["submissionDeadline"] = local.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
            ["timeZone"] = "Europe/Brussels",
            ["envelope"] = 2_000_000m,
            ["minimumGrant"] = 50_000m,
            ["maximumGrant"] = 300_000m,
        };
        foreach (var (key, value) in extra is null ? [] : JsonSerializer.SerializeToElement(extra, Responses.Json).EnumerateObject().Select(p => (p.Name, (object?)p.Value)))
        {
            call[key] = value;
        }

        return call;
    }

    /// <summary>Drafts and opens a call whose deadline is <paramref name="deadline"/>; returns its id.</summary>
    public static async Task<Guid> OpenCall(this AppHost host, DateTimeOffset deadline, object? extra = null)
    {
        using var officer = host.Officer();
        var created = await (await officer.Post("/calls", NewCall(deadline, extra: extra))).Json200(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await officer.Post($"/calls/{id}/open")).Json200();
        return id;
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Hosting.Security;

namespace Grants.Portal.Tests;

/// <summary>
/// What a test needs to have happened before the pages it is about, done straight through the
/// services' APIs as each person: a call, an NGO's application, its review, the award and the signed agreement.
/// </summary>
public sealed class ApiSteps : IDisposable
{
    public const decimal Requested = 149_000m;

    private static readonly string[] English = ["en"];

    private readonly PortalSystem _system;
    private readonly HttpClient _officer;
    private readonly HttpClient _reviewOfficer;
    private readonly HttpClient _approver;
    private readonly HttpClient _ngo;

    public ApiSteps(PortalSystem system)
    {
        _system = system;
        _officer = system.Api(GrantsRoles.Officer, "steps-officer");
        _reviewOfficer = system.Api(GrantsRoles.Officer, "steps-officer", service: system.Review);
        _approver = system.Api(GrantsRoles.Approver, "steps-approver", service: system.Review);
        _ngo = system.Api(GrantsRoles.Applicant, $"steps-ngo-{Organisation:N}", Organisation);
    }

    public Guid CallId { get; private set; }

    public string CallReference { get; private set; } = "";

    public IReadOnlyList<string> Criteria { get; private set; } = [];

    public Guid Organisation { get; } = Guid.NewGuid();

    public string LegalName { get; } = $"Kivu Peace Network {Guid.NewGuid().ToString()[..4]}";

    public Guid ApplicationId { get; private set; }

    public IReadOnlyList<string> Reviewers { get; } = [$"expert-a-{Guid.NewGuid():N}"[..16], $"expert-b-{Guid.NewGuid():N}"[..16]];

    private HttpClient Ngo => _ngo;

    /// <summary>An open call (no interim reports, the final one due the day the project ends) with two reviewers in its pool.</summary>
    public async Task OpenCall()
    {
        CallReference = $"PB-{Guid.NewGuid().ToString()[..6]}";
        var drafted = await Send(_officer, HttpMethod.Post, "/calls", new
        {
            reference = CallReference,
            title = "Peace building, reports and consensus",
            submissionDeadline = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            timeZone = "Europe/Brussels",
            envelope = 1_000_000m,
            minimumGrant = 10_000m,
            maximumGrant = 200_000m,
            currency = "EUR",
            reviewersPerApplication = 2,
            reportPlan = new { interimEveryMonths = 0, finalMonthsAfterEnd = 0 },
        }, idempotent: true);
        CallId = drafted.Body.GetProperty("id").GetGuid();
        var opened = await Send(_officer, HttpMethod.Post, $"/calls/{CallId}/open", null, drafted.Version);
        Criteria = [.. opened.Body.GetProperty("rules").GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
        await Until("Review to learn of the call", async () => (await _reviewOfficer.GetAsync(new Uri($"/calls/{CallId}", UriKind.Relative))).IsSuccessStatusCode);
        foreach (var reviewer in Reviewers)
        {
            await Send(_reviewOfficer, HttpMethod.Put, $"/calls/{CallId}/reviewers/{reviewer}",
                new { name = $"Dr {reviewer}", themes = opened.Body.GetProperty("rules").GetProperty("themes"), languages = English });
        }
    }

    public async Task RegisterOrganisation() => await Send(Ngo, HttpMethod.Post, "/organisations", new
    {
        legalName = LegalName,
        registrationNumber = $"BE0{Random.Shared.Next(100_000_000, 999_999_999)}",
        country = "BE",
        legalForm = "asbl",
        address = new { street = "Rue de la Loi 15", postalCode = "1040", city = "Brussels", country = "BE" },
        contact = new { name = "Nadia Peeters", email = "nadia@example.org" },
        bankAccount = new { iban = "BE71096123456769", bic = "GKCCBEBB", holderName = LegalName },
    }, idempotent: true);

    /// <summary>A project that ended yesterday, so its final report was due yesterday; found eligible once the call is closed.</summary>
    public async Task SubmitEligibleApplication()
    {
        var call = (await Send(_officer, HttpMethod.Get, $"/calls/{CallId}", null)).Body.GetProperty("rules");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var draft = await Send(Ngo, HttpMethod.Post, "/applications", new
        {
            callId = CallId,
            title = "Mediation in South Kivu",
            theme = call.GetProperty("themes")[0].GetString(),
            countries = new[] { call.GetProperty("countries")[0].GetString() },
            startDate = yesterday.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            summary = "Community mediators resolve land disputes.",
            objectives = new[] { new { description = "Fewer violent land disputes", results = new[] { new { description = "Mediators trained", indicators = new[] { new { name = "Mediators", baseline = "0", target = "30" } } } } } },
            partners = new[] { new { name = "Kivu Women Mediators", country = "CD", role = "implementing partner" } },
            budget = new[]
            {
                new { category = "staff", description = "Trainers", amount = 60_000m },
                new { category = "activities", description = "Workshops", amount = 80_000m },
                new { category = "indirect", description = "Overheads", amount = 9_000m },
            },
        }, idempotent: true);
        ApplicationId = draft.Body.GetProperty("id").GetGuid();
        await Send(Ngo, HttpMethod.Post, $"/applications/{ApplicationId}/submit", null, draft.Version);
        await Send(_officer, HttpMethod.Post, $"/calls/{CallId}/close", new { reason = "Every expected proposal is in." });
        await Send(_officer, HttpMethod.Post, $"/applications/{ApplicationId}/eligibility", new { eligible = true, justification = "Within the rules." });
    }

    /// <summary>Both reviewers declare no conflict and score every criterion; <paramref name="scores"/> gives each reviewer's score per criterion.</summary>
    public async Task Review(Func<int, int, int> scores)
    {
        await Until("Review to open the case", async () =>
            (await _reviewOfficer.GetAsync(new Uri($"/cases/{ApplicationId}", UriKind.Relative))).IsSuccessStatusCode);
        await Send(_reviewOfficer, HttpMethod.Post, $"/calls/{CallId}/assignments", null);
        for (var r = 0; r < Reviewers.Count; r++)
        {
            using var reviewer = _system.Api(GrantsRoles.Reviewer, Reviewers[r], service: _system.Review);
            var declared = await Send(reviewer, HttpMethod.Put, $"/cases/{ApplicationId}/declaration", new { conflict = false });
            var index = r;
            await Send(reviewer, HttpMethod.Put, $"/cases/{ApplicationId}/sheet", new
            {
                contentHash = declared.Body.GetProperty("contentHash").GetString(),
                marks = Criteria.Select((c, k) => new { criterion = c, score = scores(index, k), comment = $"Reviewer {index + 1} on {c}." }),
            });
        }
    }

    /// <summary>The officer proposes the award, an approver confirms it, and the NGO signs once the agreement shows the tranches.</summary>
    public async Task<Guid> AwardAndSign()
    {
        Reply ranking = default;
        await Until("the ranking", async () => (ranking = await Try(_reviewOfficer, $"/calls/{CallId}/ranking")).Ok);
        await Send(_reviewOfficer, HttpMethod.Post, $"/calls/{CallId}/proposals",
            new { decisions = new[] { new { applicationId = ApplicationId, outcome = "Award", amount = Requested, reasons = Array.Empty<string>() } } }, ranking.Version);
        await Send(_approver, HttpMethod.Post, $"/calls/{CallId}/confirmations", new { applicationIds = new[] { ApplicationId } });
        await Until("the award and the ledger's tranches to reach the NGO", async () =>
            await Try(Ngo, $"/applications/{ApplicationId}/status") is { Ok: true } s && s.Body.GetProperty("status").GetString() == "Awarded"
            && s.Body.GetProperty("agreement").GetProperty("tranches").GetArrayLength() > 0);
        var signed = await Send(Ngo, HttpMethod.Post, $"/applications/{ApplicationId}/agreement/sign", null);
        return signed.Body.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Final").GetProperty("id").GetGuid();
    }

    public void Dispose()
    {
        foreach (var client in new[] { _officer, _reviewOfficer, _approver, _ngo })
        {
            client.Dispose();
        }
    }

    private readonly record struct Reply(bool Ok, JsonElement Body, long Version);

    private static async Task<Reply> Try(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.IsSuccessStatusCode
            ? new Reply(true, await response.Content.ReadFromJsonAsync<JsonElement>(), long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture))
            : default;
    }

    private static async Task<Reply> Send(HttpClient client, HttpMethod method, string path, object? body, long? version = null, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new($"\"{v.ToString(CultureInfo.InvariantCulture)}\""));
        }

        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {client.BaseAddress}{path.TrimStart('/')}: {(int)response.StatusCode} {text}");
        var etag = response.Headers.ETag?.Tag.Trim('"');
        return new Reply(true, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            long.TryParse(etag, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);
    }

    private static async Task Until(string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {what}.");
            await Task.Delay(200);
        }
    }
}

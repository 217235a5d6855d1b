extern alias applications;

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.EventSourcing;
using Grants.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Grants.Bench;

/// <summary>
/// The last hours before a call closes: many NGOs submit complete applications at once, over HTTP
/// to the Applications service on Kestrel; against the store's raw append rate with as many writers.
/// </summary>
internal sealed class DeadlineRushBenchmarks(string postgres, EventStore store, Uri rabbitMq, int clients, int perClient, TimeSpan duration)
{
    public async Task<(IReadOnlyList<Measurement> Results, string Latency)> Run()
    {
        var raw = await Measurement.RateOf(clients, duration, () => async () =>
        {
            var session = store.OpenSession(new EventMetadata(Source: "bench"));
            session.StartStream(Guid.NewGuid(), "grant", BenchEvents.Next(Guid.NewGuid(), 0));
            await session.SaveChanges(CancellationToken.None);
            return 1;
        });

        var schema = $"bench_rush_{DateTime.UtcNow:HHmmssfff}";
        await using var service = new ApplicationsService(postgres, schema, rabbitMq);
        service.UseKestrel(0);
        service.StartServer();
        var callId = await OpenCall(service);
        var drafts = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Drafts(service, callId)));

        var latencies = new List<double>(clients * perClient);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(drafts.Select(async d =>
        {
            foreach (var (client, id) in d)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri($"/applications/{id}/submit", UriKind.Relative), null);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                response.EnsureSuccessStatusCode();
                lock (latencies)
                {
                    latencies.Add(elapsed);
                }
            }
        }));
        var rate = latencies.Count / clock.Elapsed.TotalSeconds;
        foreach (var (client, _) in drafts.SelectMany(d => d))
        {
            client.Dispose();
        }

        latencies.Sort();
        var rawScenario = $"raw append of one event, {clients} writers";
        return (
            [
                new Measurement(rawScenario, "events/s", raw, ""),
                new Measurement($"deadline rush: {clients} NGOs submitting over HTTP", "submissions/s", rate, rawScenario),
            ],
            $"deadline rush latency over {latencies.Count:N0} submissions: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<Guid> OpenCall(ApplicationsService service)
    {
        using var officer = service.Client(TestTokens.For("officer", "olivia"));
        var deadline = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime;
        var created = await Read(await officer.PostAsJsonAsync("/calls", new
        {
            reference = "PB-RUSH",
            title = "Peace building, the last day",
            submissionDeadline = deadline.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            timeZone = "Europe/Brussels",
            envelope = 100_000_000m,
            minimumGrant = 50_000m,
            maximumGrant = 300_000m,
        }));
        var id = created.GetProperty("id").GetGuid();
        await Read(await officer.PostAsync(new Uri($"/calls/{id}/open", UriKind.Relative), null));
        return id;
    }

    /// <summary>An NGO of its own per application: a call allows two per organisation.</summary>
    private async Task<IReadOnlyList<(HttpClient Applicant, Guid Application)>> Drafts(ApplicationsService service, Guid callId)
    {
        using var officer = service.Client(TestTokens.For("officer", "olivia"));
        var drafts = new List<(HttpClient, Guid)>();
        for (var i = 0; i < perClient; i++)
        {
            var organisation = Guid.NewGuid();
            var applicant = service.Client(TestTokens.For("applicant", $"ngo-{organisation:N}", organisation));
            await Read(await applicant.PostAsJsonAsync("/organisations", new
            {
                legalName = $"Peace NGO {organisation:N}",
                registrationNumber = $"REG-{organisation:N}",
                country = "BE",
                legalForm = "asbl",
                address = new { street = "Rue de la Loi 1", postalCode = "1000", city = "Brussels", country = "BE" },
                contact = new { name = "Ann", email = "ann@ngo.example", phone = "+32 2 000 00 00" },
                bankAccount = new { iban = "BE71096123456769", bic = "GEBABEBB", holderName = "Peace NGO asbl" },
            }));
            await Read(await officer.PostAsync(new Uri($"/organisations/{organisation}/bank-account/verify", UriKind.Relative), null));
            var draft = await Read(await applicant.PostAsJsonAsync("/applications", Application(callId)));
            drafts.Add((applicant, draft.GetProperty("id").GetGuid()));
        }

        return drafts;
    }

    private static object Application(Guid callId) => new
    {
        callId,
        title = "Mediation in the Great Lakes",
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
        budget = new[]
        {
            new { category = "staff", description = "Mediators", amount = 150_000m, coFinancing = 20_000m },
            new { category = "activities", description = "Workshops", amount = 50_000m, coFinancing = 0m },
            new { category = "indirect", description = "Overheads", amount = 14_000m, coFinancing = 0m },
        },
    };

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone()
                : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        }
    }

    private sealed class ApplicationsService : WebApplicationFactory<applications::Program>
    {
        private readonly string _postgres;
        private readonly string _schema;
        private readonly Uri _rabbitMq;

        public ApplicationsService(string postgres, string schema, Uri rabbitMq)
        {
            (_postgres, _schema, _rabbitMq) = (postgres, schema, rabbitMq);
            // The factory looks for the service's folder beside a test project; the bench says where it is.
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Grants.sln")))
            {
                root = root.Parent;
            }

            Environment.SetEnvironmentVariable(
                "ASPNETCORE_TEST_CONTENTROOT_GRANTS_APPLICATIONS",
                Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Grants.sln is not above the bench."), "services", "Applications"));
        }

        public HttpClient Client(string token)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(_postgres) { SearchPath = _schema }.ConnectionString);
            builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq.ToString());
            builder.UseSetting("Grants:Schema", _schema);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in TestTokens.Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

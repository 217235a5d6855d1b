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
/// Both are warmed up first (a cold service measures the JIT, not the code) and then run in
/// alternating rounds, so a neighbour's build slows both alike; the CPU each unit costs, counted
/// until the service's relay has published what the round wrote, is the figure the load does not move.
/// </summary>
internal sealed class DeadlineRushBenchmarks(string postgres, EventStore store, Uri rabbitMq, int clients, int perClient, TimeSpan duration)
{
    private const int Rounds = 2;
    private const int WarmUp = 2;

    /// <summary>A draft of the rush's size, as the content a submission freezes into its event.</summary>
    private static readonly JsonElement Content = JsonSerializer.SerializeToElement(TestDrafts.Application(Guid.NewGuid()));

    public async Task<(IReadOnlyList<Measurement> Results, string Report)> Run()
    {
        var schema = $"bench_rush_{DateTime.UtcNow:HHmmssfff}";
        await using var service = new ApplicationsService(postgres, schema, rabbitMq);
        service.UseKestrel(0);
        service.StartServer();
        var callId = await OpenCall(service);
        var ngos = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Drafts(service, callId, WarmUp + perClient)));
        await using var log = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema });

        await RawAppends(duration / 10);
        await SubmissionWrites(duration / 10);
        await Reads(ngos, duration / 10);
        await Submissions(ngos, 0, WarmUp, []);
        await Published(log);
        var (raw, writes, reads, rush) = (Phase.None, Phase.None, Phase.None, Phase.None);
        var latencies = new List<double>(clients * perClient);
        for (var round = 0; round < Rounds; round++)
        {
            raw += await Measure(() => RawAppends(duration / Rounds), () => Task.CompletedTask);
            writes += await Measure(() => SubmissionWrites(duration / Rounds), () => Task.CompletedTask);
            reads += await Measure(() => Reads(ngos, duration / Rounds), () => Task.CompletedTask);
            var first = WarmUp + (round * perClient / Rounds);
            rush += await Measure(() => Submissions(ngos, first, (perClient / Rounds) + (round == Rounds - 1 ? perClient % Rounds : 0), latencies), () => Published(log));
        }

        foreach (var (client, _) in ngos.SelectMany(d => d))
        {
            client.Dispose();
        }

        latencies.Sort();
        var ceiling = 1 / ((1 / writes.Rate) + (1 / reads.Rate));
        var rawScenario = $"raw append of one event, {clients} writers";
        return (
            [
                new Measurement(rawScenario, "events/s", raw.Rate, ""),
                new Measurement($"a submission's two appends alone (no HTTP, reads, projection, relay), {clients} writers", "transactions/s", writes.Rate, rawScenario),
                new Measurement($"an NGO reading its application over HTTP (no checks, writes or relay), {clients} clients", "requests/s", reads.Rate, rawScenario),
                new Measurement($"deadline rush: {clients} NGOs submitting over HTTP", "submissions/s", rush.Rate, rawScenario),
            ],
            $"""
            deadline rush latency over {latencies.Count:N0} submissions, after {clients * WarmUp} to warm up: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms
            CPU per raw append: {raw.Cpu.PerUnit(raw.Units)}
            CPU per submission's two appends alone: {writes.Cpu.PerUnit(writes.Units)}, {writes.Cpu.Total / writes.Units / (raw.Cpu.Total / raw.Units):F1} times the raw append's
            CPU per read of an application over HTTP: {reads.Cpu.PerUnit(reads.Units)}, {reads.Cpu.Total / reads.Units / (raw.Cpu.Total / raw.Units):F1} times the raw append's
            CPU per submission: {rush.Cpu.PerUnit(rush.Units)}, {rush.Cpu.Total / rush.Units / (raw.Cpu.Total / raw.Units):F1} times the raw append's
            a submission's two appends and its request alone, sharing the machine, allow at most {ceiling:N0} submissions/s, {ceiling / raw.Rate:P0} of the raw append rate
            """);
    }

    private static async Task<Phase> Measure(Func<Task<long>> work, Func<Task> settled)
    {
        var cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        var units = await work();
        var time = clock.Elapsed;
        await settled();
        return new Phase(units, time, CpuTime.Now() - cpu);
    }

    private Task<long> RawAppends(TimeSpan length) => Measurement.Count(clients, length, () => () => BenchEvents.AppendOne(store));

    /// <summary>
    /// The least a submission writes, as its own transaction: the application's event with the frozen
    /// content (a draft of the rush's size) and the organisation's tally, on new streams. What the rush
    /// costs above this is the HTTP request, the reads, the projection row and the relay.
    /// </summary>
    private Task<long> SubmissionWrites(TimeSpan length) => Measurement.Count(clients, length, () => async () =>
    {
        var application = Guid.NewGuid();
        var session = store.OpenSession(new EventMetadata(application, UserId: "ngo", Role: "applicant", Source: "bench"));
        session.StartStream(application, "application", new ContentFrozen(application, Content, "sha256:bench"));
        session.StartStream(Guid.NewGuid(), "submission-quota", new SubmissionTallied(application));
        await session.SaveChanges(CancellationToken.None);
        return 1;
    });

    /// <summary>
    /// Each NGO reads its first draft again and again: the least a submission's request costs (the
    /// token checked, the application's stream read, its view written back), without the checks,
    /// the writes or the relay.
    /// </summary>
    private static Task<long> Reads(IReadOnlyList<(HttpClient Client, Guid Id)>[] ngos, TimeSpan length)
    {
        var next = -1;
        return Measurement.Count(ngos.Length, length, () =>
        {
            var (client, id) = ngos[Interlocked.Increment(ref next)][0];
            return async () =>
            {
                using var response = await client.GetAsync(new Uri($"/applications/{id}", UriKind.Relative));
                response.EnsureSuccessStatusCode();
                return 1;
            };
        });
    }

    /// <summary>Each NGO submits its drafts from <paramref name="first"/> on, one after the other.</summary>
    private static async Task<long> Submissions(IReadOnlyList<(HttpClient Client, Guid Id)>[] ngos, int first, int count, List<double> latencies)
    {
        await Task.WhenAll(ngos.Select(async drafts =>
        {
            foreach (var (client, id) in drafts.Skip(first).Take(count))
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
        return ngos.Length * count;
    }

    /// <summary>Until every subscription of the service (the outbox relay first) has passed the last event written.</summary>
    private static async Task Published(NpgsqlDataSource log)
    {
        await using var behind = log.CreateCommand("""
            select count(*) from event_progression p
            where exists (select 1 from events e where (e.tx_id, e.seq_id) > (p.last_tx_id, p.last_seq_id))
            """);
        while ((long)(await behind.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(20);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Phase(long Units, TimeSpan Time, CpuTime Cpu)
    {
        public static Phase None { get; } = new(0, TimeSpan.Zero, CpuTime.Zero);

        public double Rate => Units / Time.TotalSeconds;

        public static Phase operator +(Phase a, Phase b) => new(a.Units + b.Units, a.Time + b.Time, a.Cpu + b.Cpu);
    }

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
    private static async Task<IReadOnlyList<(HttpClient Client, Guid Id)>> Drafts(ApplicationsService service, Guid callId, int count)
    {
        using var officer = service.Client(TestTokens.For("officer", "olivia"));
        var drafts = new List<(HttpClient, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var organisation = Guid.NewGuid();
            var applicant = service.Client(TestTokens.For("applicant", $"ngo-{organisation:N}", organisation));
            await Read(await applicant.PostAsJsonAsync("/organisations", TestDrafts.Organisation(organisation)));
            await Read(await officer.PostAsync(new Uri($"/organisations/{organisation}/bank-account/verify", UriKind.Relative), null));
            var draft = await Read(await applicant.PostAsJsonAsync("/applications", TestDrafts.Application(callId)));
            drafts.Add((applicant, draft.GetProperty("id").GetGuid()));
        }

        return drafts;
    }

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
            BenchHosts.PointContentRoots();
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

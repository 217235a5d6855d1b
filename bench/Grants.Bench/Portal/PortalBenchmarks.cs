extern alias applications;
extern alias payments;
extern alias portal;
extern alias review;

using System.Globalization;
using System.Text;
using Grants.Demo;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;
using portal::Grants.Portal.Accounts;

namespace Grants.Bench.Portal;

/// <summary>
/// The portal with a call of many applications: the three services and the portal on Kestrel in this
/// process, seeded over HTTP, then each key page asked for by a signed-in person (warm-up first, then
/// one request at a time), with the API calls the portal made for it and the CPU a request cost.
/// </summary>
internal sealed class PortalBenchmarks(PostgresEndpoint postgres, Uri rabbitMq, int applications, int requests)
{
    private const string Password = "portal bench password";
    private const int WarmUp = 3;

    public async Task<string> Run()
    {
        BenchHosts.PointContentRoots();
        var calls = new ApiCalls();
        await using var system = await GrantsSystem.Start<applications::Program, review::Program, payments::Program, portal::Program>(
            () => Task.FromResult(TestPostgres.NewSchema(postgres)), rabbitMq, calls.AddTo);
        var api = new SystemApi(
            new ServiceApi("applications", new HttpClient { BaseAddress = system.Applications.Address }, (r, u, o) => TestTokens.For(r, u, o)),
            new ServiceApi("review", new HttpClient { BaseAddress = system.Review.Address }, (r, u, o) => TestTokens.For(r, u, o)),
            new ServiceApi("payments", new HttpClient { BaseAddress = system.Payments.Address }, (r, u, o) => TestTokens.For(r, u, o)),
            TimeSpan.FromMinutes(5));

        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var eligible = applications / 5;
        var seed = await new PortalSeed(api, applications, eligible, applications * 2 / 5, 16)
            .Run(line => Console.WriteLine($"portal bench: {line} ({seeding.Elapsed.TotalSeconds:F0} s)"), CancellationToken.None);
        var reviewerCase = (await api.Review.Get(seed.Reviewer, "/reviewers/me/cases?pageSize=1", CancellationToken.None)).EnsureOk()["items"][0]
            .GetProperty("applicationId").GetGuid();

        var accounts = system.Portal.Services.GetRequiredService<AccountStore>();
        var people = new Dictionary<string, (string User, Guid? Organisation)>
        {
            ["officer"] = (Caller.Officer.User, null),
            ["reviewer"] = (seed.Reviewer.User, null),
            ["finance"] = (Caller.Finance.User, null),
            ["auditor"] = (Caller.Auditor.User, null),
            ["applicant"] = ("ngo-bench", seed.Organisation),
        };
        foreach (var (role, (user, organisation)) in people)
        {
            await accounts.Create(user, $"Bench {role}", [role], organisation, Password, CancellationToken.None);
        }

        var visitors = new Dictionary<string, PortalVisitor>();
        foreach (var (role, (user, _)) in people)
        {
            visitors[role] = await PortalVisitor.SignIn(system.Portal.Address, user, Password);
        }

        var (call, first) = (seed.CallId, seed.Applications[0]);
        PortalPage[] pages =
        [
            new("staff: calls", "officer", "/staff/calls"),
            new("staff: call dashboard", "officer", $"/staff/calls/{call}"),
            new("staff: applications, page 1", "officer", $"/staff/calls/{call}/applications"),
            new("staff: not eligible, page 5", "officer", $"/staff/calls/{call}/applications?status=Ineligible&pageNumber=5"),
            new("staff: by theme, page 3", "officer", $"/staff/calls/{call}/applications?theme={seed.Theme}&pageNumber=3"),
            new("staff: eligibility queue", "officer", $"/staff/calls/{call}/applications?status=Submitted"),
            new("staff: ranking", "officer", $"/staff/calls/{call}/ranking"),
            new("staff: one application", "officer", $"/staff/applications/{first}"),
            new("staff: bank details to verify", "officer", "/staff/bank-accounts"),
            new("reviewer: my cases", "reviewer", "/reviewer/cases"),
            new("reviewer: one case", "reviewer", $"/reviewer/cases/{reviewerCase}"),
            new("finance: tranches", "finance", "/finance/tranches"),
            new("audit: one application", "auditor", $"/audit?id={first}"),
            new("ngo: applications (home)", "applicant", "/ngo/applications"),
            new("ngo: one application", "applicant", $"/ngo/applications/{first}"),
            new("ngo: open calls", "applicant", "/ngo/calls"),
        ];
        var timings = new List<PageTiming>();
        foreach (var page in pages)
        {
            timings.Add(await Measure(visitors[page.Role], page, calls));
        }

        foreach (var visitor in visitors.Values)
        {
            visitor.Dispose();
        }

        return Report(seed, timings);
    }

    private async Task<PageTiming> Measure(PortalVisitor visitor, PortalPage page, ApiCalls calls)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await visitor.Time(page.Path);
        }

        var before = calls.Count;
        var cpu = CpuTime.Now();
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            times.Add(await visitor.Time(page.Path));
        }

        var used = CpuTime.Now() - cpu;
        times.Sort();
        return new PageTiming(page, times, (double)(calls.Count - before) / requests, used);
    }

    private string Report(SeededCall seed, IReadOnlyList<PageTiming> timings)
    {
        var width = timings.Max(t => t.Page.Name.Length);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"""

            Portal pages, a call of {applications:N0} submitted applications ({seed.Eligible:N0} eligible and reviewed, {seed.Ineligible:N0} not eligible, the rest awaiting eligibility);
            {WarmUp} requests to warm up, then {requests} one at a time per page; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores.
            CPU per request counts this process (the four hosts and the client), PostgreSQL and RabbitMQ.

            """);
        report.AppendLine(CultureInfo.InvariantCulture, $"| {"page".PadRight(width)} | p50 ms | p95 ms | max ms | API calls | CPU ms | misses |");
        report.AppendLine(CultureInfo.InvariantCulture, $"|{new string('-', width + 2)}|-------:|-------:|-------:|----------:|-------:|--------|");
        foreach (var t in timings)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Page.Name.PadRight(width)} | {t.P50,6:F0} | {t.P95,6:F0} | {t.Max,6:F0} | {t.ApiCalls,9:0.#} | {t.CpuPerRequest,6:F1} | {t.Misses} |");
        }

        return report.ToString();
    }
}

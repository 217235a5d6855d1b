using Grants.Cli.Audit;
using Grants.Demo;
using Grants.Hosting.Security;

namespace Grants.Cli.Demo;

/// <summary>
/// <c>grants demo</c>: one Peace Building call through its whole lifecycle against the running
/// services, as the people of each role would do it with tokens signed by the development key; then
/// where each application ended and the audit verification of every hash chain.
/// </summary>
internal static class DemoCommand
{
    public const string Usage =
        "grants demo [--window SECONDS] [--service NAME=URL]... [--key PATH] [--issuer ISSUER] [--audience AUDIENCE]";

    public static IReadOnlyCollection<string> Names { get; } = ["window", "service", "key", "issuer", "audience"];

    private static readonly string[] ServiceNames = ["applications", "payments", "review"];

    public static async Task<int> Run(CommandOptions options, TextWriter output, TextWriter error, string workingDirectory)
    {
        var window = Window(options);
        var services = AuditCommand.Services(options);
        if (services.Count != 3 || !services.Select(s => s.Name).Order(StringComparer.Ordinal).SequenceEqual(ServiceNames))
        {
            throw new UsageException("--service must name applications, review and payments, each once.");
        }

        var key = AuditCommand.SigningKey(options, workingDirectory);
        var issuer = options.Single("issuer") ?? TokenCommand.DefaultIssuer;
        var audience = options.Single("audience") ?? TokenCommand.DefaultAudience;

        var clients = services.ToDictionary(s => s.Name, s => new HttpClient { BaseAddress = s.Url, Timeout = TimeSpan.FromSeconds(60) });
        try
        {
            string Sign(string role, string user, Guid? organisation)
            {
                var now = DateTimeOffset.UtcNow;
                return key.Sign(new TokenClaims(user, [role], organisation, issuer, audience, now.AddMinutes(-1), now.AddMinutes(30)));
            }

            var api = new SystemApi(
                new ServiceApi("applications", clients["applications"], Sign), new ServiceApi("review", clients["review"], Sign),
                new ServiceApi("payments", clients["payments"], Sign), TimeSpan.FromSeconds(60));
            var started = DateTimeOffset.UtcNow;
            var scenario = new LifecycleScenario(api, line => output.WriteLine($"[{DateTimeOffset.UtcNow - started:mm\\:ss}] {line}"), new DemoOptions { SubmissionWindow = window });
            DemoResult result;
            try
            {
                result = await scenario.Run(CancellationToken.None);
            }
            catch (ScenarioException failure)
            {
                error.WriteLine($"demo failed: {failure.Message}");
                return GrantsCli.Failed;
            }

            output.WriteLine();
            SummaryTable.Write(result, output);
            output.WriteLine();
            output.WriteLine($"Audit verification ({result.Elapsed.TotalSeconds:0} s after the call opened):");
            using var auditor = new AuditClient(services, AuditClient.AuditorToken(key, issuer, audience));
            return await VerifyCommand.Run(auditor, output, error);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static TimeSpan Window(CommandOptions options) => options.Single("window") switch
    {
        null => new DemoOptions().SubmissionWindow,
        var text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 10 and <= 600 => TimeSpan.FromSeconds(seconds),
        var text => throw new UsageException($"--window must be the seconds between opening the call and its deadline (10 to 600), not '{text}'."),
    };
}

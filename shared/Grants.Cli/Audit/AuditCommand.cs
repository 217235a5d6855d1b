using Grants.Hosting.Audit;
using Grants.Hosting.Security;

namespace Grants.Cli.Audit;

/// <summary>
/// <c>grants audit ...</c>: asks every service's /audit endpoints with an auditor token signed by the
/// development key, and puts their answers together. Exit codes: 0 all is well, 1 something is wrong
/// (damage, differences, nothing found, a service refused), 3 a service could not be reached.
/// </summary>
internal static class AuditCommand
{
    public const string Usage =
        "grants audit timeline APPLICATION-ID [--format text|json] | state STREAM-ID [--as-of DATE|INSTANT] | verify | " +
        "export ID [--format json|csv] | replay; each with [--service NAME=URL]... [--key PATH] [--issuer ISSUER] [--audience AUDIENCE]";

    public static IReadOnlyList<(string Name, Uri Url)> DefaultServices { get; } =
    [
        ("applications", new Uri("http://127.0.0.1:5101")),
        ("review", new Uri("http://127.0.0.1:5102")),
        ("payments", new Uri("http://127.0.0.1:5103")),
    ];

    private static readonly string[] Common = ["service", "key", "issuer", "audience"];

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        var (action, id, rest) = args switch
        {
            [var a, var i, ..] when !i.StartsWith("--", StringComparison.Ordinal) => (a, i, args[2..]),
            [var a, ..] => (a, null, args[1..]),
            [] => throw new UsageException("Which audit command? timeline, state, verify, export or replay."),
        };
        var extra = action switch
        {
            "timeline" or "export" => ["format"],
            "state" => ["as-of"],
            "verify" or "replay" => Array.Empty<string>(),
            _ => throw new UsageException($"Unknown audit command '{action}'."),
        };
        var options = CommandOptions.Parse(rest, [.. Common, .. extra]);
        if (action is "verify" or "replay" && id is not null)
        {
            throw new UsageException($"audit {action} takes no id.");
        }

        using var client = new AuditClient(Services(options), Token(options, workingDirectory));
        return action switch
        {
            "timeline" => await TimelineCommand.Run(client, Id(id), Format(options, "text", "json"), output, error),
            "state" => await StateCommand.Run(client, Id(id), AsOf(options), output, error),
            "export" => await ExportCommand.Run(client, Id(id), Format(options, "json", "csv"), output, error),
            "verify" => await VerifyCommand.Run(client, output, error),
            _ => await ReplayCommand.Run(client, output, error),
        };
    }

    /// <summary>Several answers become one exit code: what was wrong in a service that answered outweighs one that did not.</summary>
    public static int ExitCode(bool wrong, bool unreachable) => wrong ? GrantsCli.Failed : unreachable ? GrantsCli.Unreachable : 0;

    private static Guid Id(string? text) =>
        text is null ? throw new UsageException("An id is required.")
        : Guid.TryParse(text, out var id) ? id
        : throw new UsageException($"'{text}' is not an id (a GUID).");

    private static string Format(CommandOptions options, params string[] allowed) => options.Single("format") switch
    {
        null => allowed[0],
        var f when allowed.Contains(f) => f,
        var f => throw new UsageException($"--format must be {string.Join(" or ", allowed)}, not '{f}'."),
    };

    private static DateTimeOffset? AsOf(CommandOptions options) => options.Single("as-of") switch
    {
        null => null,
        var text when AuditInstant.TryParse(text, out var instant) => instant,
        var text => throw new UsageException(
            $"--as-of must be a date (2026-03-01, the end of that day in Brussels) or an instant with its offset (2026-03-01T12:00:00Z), not '{text}'."),
    };

    /// <summary>The services named with --service, or the ports ./grants up starts them on.</summary>
    internal static List<(string Name, Uri Url)> Services(CommandOptions options)
    {
        var given = options.All("service");
        return given.Count == 0
            ? [.. DefaultServices]
            : [.. given.Select(s => s.Split('=', 2) is [var name, var url] && name.Length > 0
                    && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? (name, uri)
                : throw new UsageException($"--service must be NAME=URL (applications=http://127.0.0.1:5101), not '{s}'."))];
    }

    private static string Token(CommandOptions options, string workingDirectory) => AuditClient.AuditorToken(
        SigningKey(options, workingDirectory),
        options.Single("issuer") ?? TokenCommand.DefaultIssuer,
        options.Single("audience") ?? TokenCommand.DefaultAudience);

    /// <summary>The development key the running services trust; never made here, since services started before it would not trust it.</summary>
    internal static LocalSigningKey SigningKey(CommandOptions options, string workingDirectory)
    {
        var path = DevelopmentKey.Path(options, workingDirectory);
        return File.Exists(path)
            ? LocalSigningKey.Load(path)
            : throw new InvalidOperationException($"No signing key at {path}: start the services with ./grants up first, or pass --key.");
    }
}

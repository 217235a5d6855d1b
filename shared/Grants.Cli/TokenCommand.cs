using System.Globalization;
using Grants.Hosting.Security;

namespace Grants.Cli;

/// <summary><c>grants token</c>: prints a token signed with the development key, and nothing else, for curl and friends.</summary>
internal static class TokenCommand
{
    public const string DefaultIssuer = "grants-local";
    public const string DefaultAudience = "grants-api";
    public const int DefaultMinutes = 60;
    public const int MaximumMinutes = 7 * 24 * 60;

    public const string Usage =
        "grants token --role ROLE --user USER [--org ORGANISATION-ID] [--minutes N] [--key PATH] [--issuer ISSUER] [--audience AUDIENCE]";

    public static IReadOnlyCollection<string> Names { get; } = ["role", "user", "org", "minutes", "key", "issuer", "audience"];

    public static int Run(CommandOptions options, TextWriter output, string workingDirectory)
    {
        var roles = Roles(options);
        var user = options.Single("user") ?? throw new UsageException("--user is required.");
        var organisation = Organisation(options, roles);
        var minutes = Minutes(options);
        var key = LocalSigningKey.LoadOrCreate(DevelopmentKey.Path(options, workingDirectory));
        var now = DateTimeOffset.UtcNow;
        output.WriteLine(key.Sign(new TokenClaims(
            user,
            roles,
            organisation,
            options.Single("issuer") ?? DefaultIssuer,
            options.Single("audience") ?? DefaultAudience,
            now,
            now.AddMinutes(minutes))));
        return 0;
    }

    private static string[] Roles(CommandOptions options)
    {
        var roles = options.All("role");
        if (roles.Count == 0)
        {
            throw new UsageException("--role is required.");
        }

        if (roles.FirstOrDefault(role => !GrantsRoles.All.Contains(role)) is { } unknown)
        {
            throw new UsageException($"Unknown role '{unknown}'.");
        }

        return [.. roles.Distinct(StringComparer.Ordinal)];
    }

    private static Guid? Organisation(CommandOptions options, string[] roles)
    {
        var applicant = roles.Contains(GrantsRoles.Applicant);
        return options.Single("org") switch
        {
            null when applicant => throw new UsageException("An applicant token needs --org with the organisation id."),
            null => null,
            _ when !applicant => throw new UsageException("--org is for applicant tokens only."),
            var text when Guid.TryParse(text, out var organisation) => organisation,
            var text => throw new UsageException($"--org must be an organisation id (a GUID), not '{text}'."),
        };
    }

    private static int Minutes(CommandOptions options) => options.Single("minutes") switch
    {
        null => DefaultMinutes,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= MaximumMinutes => minutes,
        var text => throw new UsageException($"--minutes must be a whole number from 1 to {MaximumMinutes}, not '{text}'."),
    };
}

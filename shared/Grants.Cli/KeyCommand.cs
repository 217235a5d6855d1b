using Grants.Hosting.Security;

namespace Grants.Cli;

/// <summary><c>grants key</c>: makes sure the development signing key exists and prints its path, for <c>Auth__SigningKeyFile</c>.</summary>
internal static class KeyCommand
{
    public const string Usage = "grants key [--key PATH]";

    public static IReadOnlyCollection<string> Names { get; } = ["key"];

    public static int Run(CommandOptions options, TextWriter output, string workingDirectory)
    {
        var path = DevelopmentKey.Path(options, workingDirectory);
        LocalSigningKey.LoadOrCreate(path);
        output.WriteLine(path);
        return 0;
    }
}

using Grants.Cli.Audit;
using Grants.Cli.Demo;
using Grants.Hosting.Security;

namespace Grants.Cli;

/// <summary>
/// Development and audit commands behind <c>./grants</c>: tokens signed with the local key, the key
/// itself, and the auditor's questions to the running services.
/// </summary>
public static class GrantsCli
{
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int Unreachable = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory) =>
        RunAsync(args, output, error, workingDirectory).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        try
        {
            return args switch
            {
                ["token", .. var options] => TokenCommand.Run(CommandOptions.Parse(options, TokenCommand.Names), output, workingDirectory),
                ["key", .. var options] => KeyCommand.Run(CommandOptions.Parse(options, KeyCommand.Names), output, workingDirectory),
                ["audit", .. var rest] => await AuditCommand.Run(rest, output, error, workingDirectory),
                ["demo", .. var options] => await DemoCommand.Run(CommandOptions.Parse(options, DemoCommand.Names), output, error, workingDirectory),
                [var command, ..] => throw new UsageException($"Unknown command '{command}'."),
                [] => throw new UsageException("Which command?"),
            };
        }
        catch (UsageException usage)
        {
            error.WriteLine(usage.Message);
            error.WriteLine(
                $"Usage:\n  {TokenCommand.Usage}\n  {KeyCommand.Usage}\n  {AuditCommand.Usage}\n  {DemoCommand.Usage}\nRoles: {string.Join(", ", GrantsRoles.All)}");
            return BadArguments;
        }
        catch (InvalidOperationException failure)
        {
            error.WriteLine(failure.Message);
            return Failed;
        }
    }
}

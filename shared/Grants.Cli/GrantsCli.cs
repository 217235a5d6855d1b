using Grants.Hosting.Security;

namespace Grants.Cli;

/// <summary>Development commands behind <c>./grants</c>: tokens signed with the local key, and the key itself.</summary>
public static class GrantsCli
{
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        try
        {
            return args switch
            {
                ["token", .. var options] => TokenCommand.Run(CommandOptions.Parse(options, TokenCommand.Names), output, workingDirectory),
                ["key", .. var options] => KeyCommand.Run(CommandOptions.Parse(options, KeyCommand.Names), output, workingDirectory),
                [var command, ..] => throw new UsageException($"Unknown command '{command}'."),
                [] => throw new UsageException("Which command?"),
            };
        }
        catch (UsageException usage)
        {
            error.WriteLine(usage.Message);
            error.WriteLine($"Usage:\n  {TokenCommand.Usage}\n  {KeyCommand.Usage}\nRoles: {string.Join(", ", GrantsRoles.All)}");
            return BadArguments;
        }
        catch (InvalidOperationException failure)
        {
            error.WriteLine(failure.Message);
            return Failed;
        }
    }
}

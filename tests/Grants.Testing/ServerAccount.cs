namespace Grants.Testing;

// PostgreSQL refuses to run as root. As root, servers run as the system user `grants` (created on
// first use, without a home or a login shell); as anyone else, they run as that user.
internal sealed class ServerAccount
{
    public const string SystemUser = "grants";

    private static readonly SemaphoreSlim Creating = new(1, 1);

    private ServerAccount(string? user) => User = user;

    // Null when servers run as the current user.
    public string? User { get; }

    public static async Task<ServerAccount> ForServers(CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null);
        }

        await Creating.WaitAsync(cancellationToken);
        try
        {
            await EnsureSystemUser(cancellationToken);
        }
        finally
        {
            Creating.Release();
        }

        return new ServerAccount(SystemUser);
    }

    public IEnumerable<string> RunAs(IEnumerable<string> command) =>
        User is null
            ? command
            : ["setpriv", $"--reuid={User}", $"--regid={User}", "--init-groups", "--", .. command];

    public async Task Own(string directory, CancellationToken cancellationToken)
    {
        if (User is null)
        {
            return;
        }

        var chown = await ExternalCommand.Run("chown", [$"{User}:", directory], cancellationToken);
        if (!chown.Succeeded)
        {
            throw new ServerStartException($"Cannot hand {directory} to OS user {User}: {chown.Output}");
        }
    }

    private static async Task EnsureSystemUser(CancellationToken cancellationToken)
    {
        if ((await ExternalCommand.Run("id", ["-u", SystemUser], cancellationToken)).Succeeded)
        {
            return;
        }

        var add = await ExternalCommand.Run(
            "useradd",
            ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SystemUser],
            cancellationToken);

        // Another process may have created it meanwhile (useradd exits 9 then): what counts is that it exists.
        if (!add.Succeeded && !(await ExternalCommand.Run("id", ["-u", SystemUser], cancellationToken)).Succeeded)
        {
            throw new ServerStartException(
                $"PostgreSQL cannot run as root and the OS user '{SystemUser}' could not be created " +
                $"(useradd exited {add.ExitCode}: {add.Output}). Create it with " +
                $"`useradd --system --no-create-home --shell /usr/sbin/nologin {SystemUser}` or run the tests as a non-root user.");
        }
    }
}

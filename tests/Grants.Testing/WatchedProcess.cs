using System.Diagnostics;
using System.Globalization;

namespace Grants.Testing;

// A server started in a session of its own under a small shell watchdog. The watchdog reads its
// stdin, a pipe whose writing end only this process holds: when we close it, or the kernel does
// because this process died however it died, the watchdog sends the stop signal to the server's
// process group, waits for the server, kills whatever is left of that group (epmd, helpers) and
// deletes the server's directory. So no server outlives the process that started it. The watchdog
// reports the server's pid and then its exit status on stdout, which is how a server that dies
// while starting is noticed at once.
internal sealed class WatchedProcess
{
    private const string Watchdog = """
        log=$1 dir=$2 signal=$3
        shift 3
        exec 3<&0 4>&1 </dev/null >/dev/null 2>>"$log"
        setsid "$@" 3<&- 4>&- >>"$log" 2>&1 &
        server=$!
        echo "$server" >&4
        { cat <&3 >/dev/null; kill -s "$signal" -- "-$server" 2>/dev/null || kill -s "$signal" "$server"; } 4>&- &
        wait "$server"
        echo "$?" >&4
        exec 4>&-
        wait
        kill -s KILL -- "-$server" 2>/dev/null
        rm -rf "$dir"
        """;

    private readonly Process _watchdog;
    private readonly Lock _gate = new();
    private Task? _stopping;
    private int? _server;

    private WatchedProcess(Process watchdog)
    {
        _watchdog = watchdog;
        Exited = ReadExitStatus();
    }

    // Completes with the server's exit status when it exits, for whatever reason.
    public Task<int> Exited { get; }

    // stopSignal goes to the server's whole process group: INT is postgres' fast shutdown, KILL
    // suits a server whose data is thrown away anyway.
    public static WatchedProcess Start(
        string directory,
        string log,
        string stopSignal,
        IEnumerable<string> command,
        IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["sh", "-c", Watchdog, "grants-server-watchdog", log, directory, stopSignal])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new WatchedProcess(Process.Start(start) ?? throw new InvalidOperationException("setsid did not start"));
    }

    // Idempotent: a server disposed by its test may meet the process-exit handler again.
    public Task Stop(TimeSpan timeout)
    {
        lock (_gate)
        {
            return _stopping ??= StopOnce(timeout);
        }
    }

    private async Task StopOnce(TimeSpan timeout)
    {
        _watchdog.StandardInput.Close();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _watchdog.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillSession();
            await _watchdog.WaitForExitAsync(CancellationToken.None);
        }

        _watchdog.Dispose();
    }

    // setsid made both the watchdog and the server leaders of their own process groups.
    private async Task KillSession()
    {
        var groups = new[] { _server, _watchdog.Id }.OfType<int>().Select(id => "-" + id.ToString(CultureInfo.InvariantCulture));
        await ExternalCommand.Run("kill", ["-s", "KILL", "--", .. groups], CancellationToken.None);
    }

    private async Task<int> ReadExitStatus()
    {
        _server = int.TryParse(await _watchdog.StandardOutput.ReadLineAsync(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        var line = await _watchdog.StandardOutput.ReadLineAsync();
        return int.TryParse(line, CultureInfo.InvariantCulture, out var status) ? status : -1;
    }
}

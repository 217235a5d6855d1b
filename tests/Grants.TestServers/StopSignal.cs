using System.Runtime.InteropServices;

namespace Grants.TestServers;

// Token is cancelled on SIGTERM or SIGINT, when stdin (a pipe or fifo, say) reaches EOF, or when
// the parent process exits, so a killed `./grants test` takes its servers along. Stdin is not
// watched when it is /dev/null, which a script's plain `cmd &` gets and which is at EOF from the
// start, nor when it is a terminal, which a background reader would be stopped for reading.
internal sealed class StopSignal : IDisposable
{
    // Never disposed: the stdin and parent watchers may still cancel it on their way out.
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
        ];
        if (StdinMayClose())
        {
            new Thread(WaitForStdinEof) { IsBackground = true, Name = "stdin EOF" }.Start();
        }

        _ = WatchParent(ParentProcess.Id());
    }

    public CancellationToken Token => _stop.Token;

    public Task Stopped => Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    private void WaitForStdinEof()
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer) > 0)
        {
        }

        _stop.Cancel();
    }

    private async Task WatchParent(int parent)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (ParentProcess.Id() == parent)
            {
                await timer.WaitForNextTickAsync(_stop.Token);
            }

            await _stop.CancelAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool StdinMayClose() =>
        Console.IsInputRedirected && new FileInfo("/proc/self/fd/0").LinkTarget is { } target && target != "/dev/null";
}

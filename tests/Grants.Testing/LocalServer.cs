using System.Diagnostics;

namespace Grants.Testing;

// What PostgresServer and RabbitMqServer share: a temp directory with the server's log in it, the
// watched process, the wait until it answers, and failures that quote the end of the log.
internal sealed class LocalServer : IAsyncDisposable
{
    private const int Attempts = 3;

    private readonly string _name;
    private readonly string _hint;
    private readonly TimeSpan _stopTimeout;
    private WatchedProcess? _process;

    private LocalServer(string name, string directory, string hint, TimeSpan stopTimeout)
    {
        _name = name;
        _hint = hint;
        _stopTimeout = stopTimeout;
        Directory = directory;
    }

    public string Directory { get; }

    public string Log => Path.Combine(Directory, "server.log");

    // Starts afresh (new directory, new ports) when another process took a port first.
    public static async Task<T> StartWithRetries<T>(Func<Task<T>> attempt)
    {
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt();
            }
            catch (PortClashException) when (attempts < Attempts)
            {
            }
            catch (PortClashException clash)
            {
                throw new ServerStartException(clash.Message);
            }
        }
    }

    // Runs start against a new server directory; whatever goes wrong, the server is stopped and its
    // directory removed, and the exception says what happened with the end of the log.
    public static async Task<T> Prepare<T>(
        string name,
        string hint,
        TimeSpan stopTimeout,
        Func<LocalServer, Task<T>> start)
    {
        var server = new LocalServer(name, System.IO.Directory.CreateTempSubdirectory($"grants-{name.ToLowerInvariant()}-").FullName, hint, stopTimeout);
        try
        {
            return await start(server);
        }
        catch (Exception e) when (e is OperationCanceledException or ServerStartException or PortClashException)
        {
            await server.DisposeAsync();
            throw;
        }
        catch (Exception e)
        {
            var message = server.Failure($"failed while starting: {e.Message}");
            await server.DisposeAsync();
            throw new ServerStartException(message, e);
        }
    }

    public void Start(string stopSignal, IEnumerable<string> command, IReadOnlyDictionary<string, string?> environment) =>
        _process = WatchedProcess.Start(Directory, Log, stopSignal, command, environment);

    // probe answers null once the server is ready, else what it is still waiting for.
    public async Task WaitUntilReady(
        Func<CancellationToken, Task<string?>> probe,
        TimeSpan interval,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException($"{_name} was not started");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.Exited.IsCompleted)
            {
                throw ServerLog.ShowsPortClash(Log)
                    ? new PortClashException(Failure("could not bind one of its ports"))
                    : new ServerStartException(Failure($"exited with status {await process.Exited} while starting"));
            }

            var waitingFor = await probe(cancellationToken);
            if (waitingFor is null)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new ServerStartException(Failure($"was not ready within {timeout.TotalSeconds:0} s ({waitingFor})"));
            }

            await Task.WhenAny(Task.Delay(interval, cancellationToken), process.Exited);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.Stop(_stopTimeout);
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private string Failure(string what) => $"{_name} {what}.{_hint} End of its log:\n{ServerLog.Tail(Log)}";
}

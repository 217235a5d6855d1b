using System.Globalization;

namespace Grants.Testing;

/// <summary>
/// A built service run as a real OS process (<c>dotnet Grants.X.dll</c>), configured through its
/// environment as <c>./grants env</c> configures it, on a free port, under the watchdog that stops
/// it when the test process ends however it ends. <see cref="Kill"/> sends SIGKILL: nothing of the
/// service's shutdown runs, as in a crash.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly WatchedProcess _process;
    private readonly string _log;

    private ServiceProcess(WatchedProcess process, Uri address, string log)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the service and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ServiceProcess> Start(string dll, IReadOnlyDictionary<string, string?> environment, TimeSpan readyTimeout)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The service is not built.", dll);
        }

        var directory = Directory.CreateTempSubdirectory("grants-service-").FullName;
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePorts.Next()}"));
        var settings = new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/') };
        var log = Path.Combine(directory, "service.log");
        var service = new ServiceProcess(WatchedProcess.Start(directory, log, "KILL", ["dotnet", dll], settings), address, log);
        try
        {
            await service.WaitUntilReady(readyTimeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL to the service's process group; completes once it is gone.</summary>
    public async Task<int> Kill()
    {
        await _process.Stop(TimeSpan.FromSeconds(10));
        return await _process.Exited;
    }

    public async ValueTask DisposeAsync() => await _process.Stop(TimeSpan.FromSeconds(10));

    private async Task WaitUntilReady(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.Exited.IsCompleted)
            {
                throw new InvalidOperationException($"the service exited with status {await _process.Exited} while starting:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the service was not ready within {timeout.TotalSeconds:F0} s:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    private string Tail() =>
        File.Exists(_log) ? string.Join('\n', File.ReadLines(_log).TakeLast(30)) : "(no log)";
}

using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Grants.Testing.Tests;

// The Grants.TestServers program, run the way `./grants test` runs it, with what it reported.
internal sealed partial class TestServersProcess : IDisposable
{
    private readonly Process _process;

    private TestServersProcess(Process process, string envFile)
    {
        _process = process;
        EnvFile = envFile;
    }

    public string EnvFile { get; }

    public List<string> Directories { get; } = [];

    public Dictionary<string, string> Variables { get; } = [];

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<TestServersProcess> Start()
    {
        var assembly = typeof(TestServersProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "TestServersAssembly").Value!;
        var envFile = Path.Combine(Path.GetTempPath(), $"grants-test-{Guid.NewGuid():N}.env");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[assembly, "--env-file", envFile])
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TestServersProcess(Process.Start(start)!, envFile);
        await started.ReadReport();
        return started;
    }

    public Task WaitForExit(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Kill() => _process.Kill();

    public async Task Terminate()
    {
        using var kill = Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        File.Delete(EnvFile);
    }

    private async Task ReadReport()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (Variables.Count < 3)
        {
            var line = await _process.StandardOutput.ReadLineAsync(deadline.Token)
                ?? throw new InvalidOperationException($"Grants.TestServers ended early: {await _process.StandardError.ReadToEndAsync(deadline.Token)}");
            if (StartedIn().Match(line) is { Success: true } started)
            {
                Directories.Add(started.Groups["directory"].Value);
            }
            else if (Variable().Match(line) is { Success: true } variable)
            {
                Variables[variable.Groups["name"].Value] = variable.Groups["value"].Value;
            }
        }
    }

    [GeneratedRegex("^# .* started in .* s in (?<directory>/.+)$")]
    private static partial Regex StartedIn();

    [GeneratedRegex("^(?<name>GRANTS_TEST_[A-Z_]+)='(?<value>[^']*)'$")]
    private static partial Regex Variable();
}

extern alias cli;

using System.Net;
using System.Net.Sockets;
using cli::Grants.Cli;
using Grants.Testing;

namespace Grants.Lifecycle.Tests;

/// <summary><c>grants demo</c> says what stops it and exits non-zero, before or at its first step.</summary>
public sealed class When_the_demo_cannot_run
{
    [Fact]
    public async Task Should_name_the_service_that_does_not_answer_and_exit_1()
    {
        var closed = ClosedPort();

        var (exit, _, error) = await Demo(
            "--service", $"applications=http://127.0.0.1:{closed}", "--service", $"review=http://127.0.0.1:{closed}",
            "--service", $"payments=http://127.0.0.1:{closed}");

        Assert.Equal(GrantsCli.Failed, exit);
        Assert.Contains("demo failed: POST applications/calls as officer olivia.officer: applications is not reachable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_deadline_window_out_of_range()
    {
        var (exit, _, error) = await Demo("--window", "5");

        Assert.Equal(GrantsCli.BadArguments, exit);
        Assert.Contains("--window must be the seconds between opening the call and its deadline (10 to 600), not '5'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_services_that_are_not_the_three()
    {
        var (exit, _, error) = await Demo("--service", "applications=http://127.0.0.1:5101");

        Assert.Equal(GrantsCli.BadArguments, exit);
        Assert.Contains("--service must name applications, review and payments, each once.", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> Demo(params string[] args)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"grants-demo-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, TestTokens.Key.Key.Rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await GrantsCli.RunAsync(["demo", .. args, "--key", keyFile], output, error, Path.GetTempPath());
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

extern alias applications;

using Microsoft.AspNetCore.Hosting;

namespace Grants.Services.Tests.Security;

public sealed class Auth_settings
{
    [Fact]
    public async Task Should_refuse_to_start_when_no_signing_keys_are_configured()
    {
        var error = await StartupError(("Auth:SigningKeyFile", ""));

        Assert.Contains("'Auth:Authority'", error, StringComparison.Ordinal);
        Assert.Contains("'Auth:SigningKeyFile'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_start_when_both_an_authority_and_a_key_file_are_configured() =>
        Assert.Contains("only one of", await StartupError(("Auth:Authority", "https://login.example.org/")), StringComparison.Ordinal);

    [Fact]
    public async Task Should_refuse_to_start_without_an_issuer() =>
        Assert.Contains("Auth__Issuer", await StartupError(("Auth:Issuer", "")), StringComparison.Ordinal);

    [Fact]
    public async Task Should_refuse_to_start_without_an_audience() =>
        Assert.Contains("Auth__Audience", await StartupError(("Auth:Audience", "")), StringComparison.Ordinal);

    [Fact]
    public async Task Should_refuse_to_start_when_the_key_file_cannot_be_read()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"grants-no-such-key-{Guid.NewGuid():N}.pem");

        var error = await StartupError(("Auth:SigningKeyFile", missing));

        Assert.Contains("'Auth:SigningKeyFile'", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_fetch_keys_over_plain_http_from_another_machine() =>
        Assert.Contains(
            "https://",
            await StartupError(("Auth:SigningKeyFile", ""), ("Auth:Authority", "http://login.example.org/")),
            StringComparison.Ordinal);

    private static async Task<string> StartupError(params (string Key, string Value)[] settings)
    {
        await using var host = await ServiceHost.Start<applications::Program>(configure: builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

        return Assert.IsType<InvalidOperationException>(Record.Exception(() => host.CreateClient()), exactMatch: false).Message;
    }
}

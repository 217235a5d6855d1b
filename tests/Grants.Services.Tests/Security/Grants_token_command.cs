extern alias applications;
extern alias cli;

using System.Net;
using cli::Grants.Cli;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Grants.Services.Tests.Security;

public sealed class Grants_token_command : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("grants-cli-");

    [Fact]
    public async Task Should_print_a_token_that_a_service_trusting_the_development_key_accepts()
    {
        var (keyExit, keyFile, _) = Run("key", "--key", "keys/signing-key.pem");
        var (exit, token, error) = Run("token", "--role", "officer", "--user", "alice", "--key", "keys/signing-key.pem");
        await using var host = await ServiceHost.Start<applications::Program>(configure: builder =>
        {
            PolicyProbe.Install(builder);
            builder.UseSetting("Auth:Issuer", "grants-local");
            builder.UseSetting("Auth:Audience", "grants-api");
            builder.UseSetting("Auth:SigningKeyFile", keyFile.Trim());
        });
        using var client = host.CreateClientWith(token.Trim());

        using var response = await client.GetAsync(new Uri("/probe/read", UriKind.Relative));

        Assert.Equal((0, 0, ""), (keyExit, exit, error));
        Assert.Equal(3, token.Trim().Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Should_refuse_an_unknown_role_and_list_the_valid_ones()
    {
        var (exit, output, error) = Run("token", "--role", "boss", "--user", "alice");

        Assert.Equal(GrantsCli.BadArguments, exit);
        Assert.Equal("", output);
        Assert.All(GrantsRoles.All, role => Assert.Contains(role, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("token", "--user", "alice")]
    [InlineData("token", "--role", "officer")]
    [InlineData("token", "--role", "applicant", "--user", "ngo")]
    [InlineData("token", "--role", "applicant", "--user", "ngo", "--org", "not-a-guid")]
    [InlineData("token", "--role", "officer", "--user", "alice", "--org", "6f1c2b1e-8a43-4df4-9d55-36c1b1f1a7d2")]
    [InlineData("token", "--role", "officer", "--user", "alice", "--minutes", "0")]
    [InlineData("token", "--role", "officer", "--user", "alice", "--colour", "red")]
    [InlineData("token", "--role")]
    [InlineData("launch")]
    public void Should_exit_with_2_and_print_nothing_on_bad_arguments(params string[] args)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal(GrantsCli.BadArguments, exit);
        Assert.Equal("", output);
        Assert.Contains("grants token", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_put_an_applicants_organisation_in_the_token()
    {
        var organisation = Guid.NewGuid();

        var (exit, output, _) = Run("token", "--role", "applicant", "--user", "ngo", "--org", organisation.ToString(), "--key", "k.pem");

        Assert.Equal(0, exit);
        var token = new JsonWebToken(output.Trim());
        Assert.Equal(organisation.ToString(), token.GetClaim(GrantsClaims.Organisation).Value);
        Assert.Equal("applicant", token.GetClaim(GrantsClaims.Role).Value);
        Assert.Equal("ngo", token.Subject);
    }

    [Fact]
    public void Should_create_the_key_under_the_repository_root_readable_by_its_owner_only()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "Grants.sln"), "");
        var nested = _directory.CreateSubdirectory("services/Applications");

        var (exit, output, _) = RunIn(nested.FullName, "key");

        var key = Path.Combine(_directory.FullName, ".grants", "keys", "signing-key.pem");
        Assert.Equal((0, key), (exit, output.Trim()));
        Assert.Contains("PRIVATE KEY", File.ReadAllText(key), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void Should_sign_every_token_with_the_same_key_once_it_exists()
    {
        var first = Run("token", "--role", "finance", "--user", "bob", "--key", "k.pem").Output;
        var second = Run("token", "--role", "approver", "--user", "carol", "--key", "k.pem").Output;

        Assert.Equal(new JsonWebToken(first.Trim()).Kid, new JsonWebToken(second.Trim()).Kid);
        Assert.Equal(LocalSigningKey.Load(Path.Combine(_directory.FullName, "k.pem")).KeyId, new JsonWebToken(first.Trim()).Kid);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private (int Exit, string Output, string Error) Run(params string[] args) => RunIn(_directory.FullName, args);

    private static (int Exit, string Output, string Error) RunIn(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = GrantsCli.Run(args, output, error, workingDirectory);
        return (exit, output.ToString(), error.ToString());
    }
}

using Grants.Hosting.Security;

namespace Grants.Testing;

/// <summary>
/// Tokens signed with a key made for this test process; the test hosts point
/// every service at its public half, so these are the tokens the services trust.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "grants-test";
    public const string Audience = "grants-api";
    public const string User = "alice";

    private static readonly Lazy<string> PublicKeyFile = new(WritePublicKey);

    public static LocalSigningKey Key { get; } = LocalSigningKey.Generate();

    public static string KeyFile => PublicKeyFile.Value;

    /// <summary>The configuration that makes a service trust these tokens, for every kind of test host.</summary>
    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeyFile"] = KeyFile,
    };

    public static string For(string role, string user = User, Guid? organisation = null) => Sign(Claims(role, user, organisation));

    /// <summary>Valid claims to start from; change one with <c>with</c> to make a token that must fail.</summary>
    public static TokenClaims Claims(string role, string user = User, Guid? organisation = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new TokenClaims(user, [role], organisation, Issuer, Audience, now.AddMinutes(-1), now.AddMinutes(10));
    }

    public static string Sign(TokenClaims claims) => Key.Sign(claims);

    private static string WritePublicKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grants-test-key-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Key.Key.Rsa.ExportSubjectPublicKeyInfoPem());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}

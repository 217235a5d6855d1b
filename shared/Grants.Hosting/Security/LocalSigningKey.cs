using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Grants.Hosting.Security;

/// <summary>
/// A development RSA key kept in a PEM file: <c>grants token</c> and the tests sign with its private
/// half, services verify with its public half. The key id is the key's RFC 7638 thumbprint, so
/// signer and verifier agree on it without configuration.
/// </summary>
public sealed class LocalSigningKey
{
    private const int KeySize = 2048;

    private LocalSigningKey(RSA rsa)
    {
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(key).ComputeJwkThumbprint());
        Key = key;
    }

    public RsaSecurityKey Key { get; }

    public string KeyId => Key.KeyId;

    public static LocalSigningKey Generate() => new(RSA.Create(KeySize));

    public static LocalSigningKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new LocalSigningKey(rsa);
    }

    /// <summary>Reads a PEM RSA public or private key.</summary>
    public static LocalSigningKey Load(string path)
    {
        try
        {
            return FromPem(File.ReadAllText(path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"The signing key file '{path}' cannot be read as a PEM RSA key: {error.Message}", error);
        }
    }

    /// <summary>Reads the private key at <paramref name="path"/>, creating it (readable by its owner only) when there is none.</summary>
    public static LocalSigningKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}");
        var key = Generate();
        CreatePrivateDirectory(directory);
        WritePrivateFile(temporary, key.Key.Rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            // Moving without overwrite is atomic: a racing creator wins and both end up with its key.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Load(path);
        }
    }

    public LocalSigningKey PublicOnly() => new(RSA.Create(Key.Rsa.ExportParameters(includePrivateParameters: false)));

    public string Sign(TokenClaims claims)
    {
        var payload = new Dictionary<string, object>
        {
            [GrantsClaims.User] = claims.User,
            [GrantsClaims.Role] = claims.Roles.Count == 1 ? claims.Roles[0] : claims.Roles.ToArray(),
        };
        if (claims.Organisation is { } organisation)
        {
            payload[GrantsClaims.Organisation] = organisation.ToString();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            Audience = claims.Audience,
            IssuedAt = claims.NotBefore.UtcDateTime,
            NotBefore = claims.NotBefore.UtcDateTime,
            Expires = claims.Expires.UtcDateTime,
            Claims = payload,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WritePrivateFile(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }
}

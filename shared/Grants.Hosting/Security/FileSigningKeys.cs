using Microsoft.IdentityModel.Tokens;

namespace Grants.Hosting.Security;

/// <summary>The one development key from <c>Auth:SigningKeyFile</c>; only its public half is kept.</summary>
internal sealed class FileSigningKeys(LocalSigningKey key) : ISigningKeys
{
    private readonly IReadOnlyList<SecurityKey> _keys = [key.PublicOnly().Key];

    public static FileSigningKeys Load(string path)
    {
        try
        {
            return new FileSigningKeys(LocalSigningKey.Load(path));
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException($"'{AuthSettings.Section}:SigningKeyFile': {error.Message}", error);
        }
    }

    public ValueTask<IReadOnlyList<SecurityKey>> Current(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

    public ValueTask<bool> Refresh(CancellationToken cancellationToken) => ValueTask.FromResult(false);
}

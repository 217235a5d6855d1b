using Microsoft.IdentityModel.Tokens;

namespace Grants.Hosting.Security;

/// <summary>Where the keys that sign valid tokens come from.</summary>
internal interface ISigningKeys
{
    ValueTask<IReadOnlyList<SecurityKey>> Current(CancellationToken cancellationToken);

    /// <summary>
    /// Asked when a token names a key we do not hold, as happens after the issuer rotates its keys;
    /// true when a fresh set was fetched and validating again is worth it.
    /// </summary>
    ValueTask<bool> Refresh(CancellationToken cancellationToken);
}

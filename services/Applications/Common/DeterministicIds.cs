using System.Security.Cryptography;
using System.Text;

namespace Grants.Applications.Common;

/// <summary>
/// Stream ids that follow from a natural key, so "only one of these" is the store's own rule: a
/// second start of the same stream fails, whichever instance tries, without a lock or a table.
/// </summary>
public static class DeterministicIds
{
    public static Guid For(string kind, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{key}"), hash);
        // Shaped as an RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

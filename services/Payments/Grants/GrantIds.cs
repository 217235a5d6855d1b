using System.Security.Cryptography;

namespace Grants.Payments.Grants;

/// <summary>
/// A grant's id is a function of its application's, so every message about the application finds
/// the same stream whichever arrives first, and two instances cannot open two grants for one award.
/// </summary>
public static class GrantIds
{
    public static Guid For(Guid applicationId)
    {
        Span<byte> input = stackalloc byte[22];
        "grant:"u8.CopyTo(input);
        applicationId.TryWriteBytes(input[6..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

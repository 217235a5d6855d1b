using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Grants.Hosting.Messaging;

/// <summary>
/// A message's id is a function of the event it comes from, so publishing the same event again
/// after a crash carries the same id and the consumers' inbox recognises it.
/// </summary>
public static class MessageIds
{
    public static Guid For(Guid streamId, long version)
    {
        Span<byte> input = stackalloc byte[24];
        streamId.TryWriteBytes(input[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(input[16..], version);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // Shaped as an RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

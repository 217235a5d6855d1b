using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Grants.EventSourcing;

/// <summary>
/// The per-stream chain: each event's hash covers the previous hash and everything the event says.
/// Byte for byte the same as the <c>event_hash</c> SQL function that computes it on append.
/// </summary>
internal static class HashChain
{
    public static byte[] Next(
        byte[]? previous, Guid id, Guid streamId, long version, string type, string dataText, string headersText,
        DateTimeOffset timestamp, Guid? correlationId, Guid? causationId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Field(hash, previous);
        hash.AppendData(streamId.ToByteArray(bigEndian: true));
        Int64(hash, version);
        Field(hash, Encoding.UTF8.GetBytes(type));
        Field(hash, Encoding.UTF8.GetBytes(dataText));
        Field(hash, Encoding.UTF8.GetBytes(headersText));
        Int64(hash, (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        hash.AppendData(id.ToByteArray(bigEndian: true));
        Field(hash, correlationId?.ToByteArray(bigEndian: true));
        Field(hash, causationId?.ToByteArray(bigEndian: true));
        return hash.GetHashAndReset();
    }

    private static void Field(IncrementalHash hash, byte[]? value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value?.Length ?? -1);
        hash.AppendData(length);
        if (value is not null)
        {
            hash.AppendData(value);
        }
    }

    private static void Int64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }
}

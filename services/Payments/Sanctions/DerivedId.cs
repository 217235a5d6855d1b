using System.Security.Cryptography;
using System.Text;

namespace Grants.Payments.Sanctions;

/// <summary>
/// A stable id computed from what identifies a thing, so every instance, every replay and every
/// retry names it the same way (a list's stream from its source, a hit from its name and entry).
/// </summary>
public static class DerivedId
{
    public static Guid From(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}

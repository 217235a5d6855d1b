using System.Runtime.Intrinsics;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>
/// How often each letter occurs in a word, in one vector: the letters two words have in common
/// bound how many characters Jaro can match between them, for the price of a vector minimum.
/// Letters other than a-z share buckets, which can only raise the bound.
/// </summary>
public static class LetterCounts
{
    /// <summary>Longer words could overflow a count; their bound is not computed.</summary>
    public const int MaxLength = 255;

    public static Vector256<byte> Of(string word)
    {
        Span<byte> counts = stackalloc byte[Vector256<byte>.Count];
        if (word.Length <= MaxLength)
        {
            foreach (var c in word)
            {
                counts[c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 6)]++;
            }
        }

        return Vector256.Create<byte>(counts);
    }

    /// <summary>The size of the multiset intersection of two words' letters (at most the shorter word's length, so a byte never overflows).</summary>
    public static int Common(Vector256<byte> a, Vector256<byte> b) => Vector256.Sum(Vector256.Min(a, b));
}

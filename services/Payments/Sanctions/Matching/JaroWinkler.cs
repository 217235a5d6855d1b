namespace Grants.Payments.Sanctions.Matching;

/// <summary>Jaro and Jaro-Winkler similarity (0..1) of two strings, the usual measure for short personal names.</summary>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    public static double Similarity(string a, string b)
    {
        var jaro = Jaro(a, b);
        return jaro + (Prefix(a, b) * PrefixScale * (1 - jaro));
    }

    private static int Prefix(string a, string b)
    {
        var prefix = 0;
        while (prefix < Math.Min(MaxPrefix, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return prefix;
    }

    /// <summary>
    /// The most <see cref="Similarity"/> can be when the words have <paramref name="common"/> characters
    /// in common: as if all of those matched without transposition. A hair above, against rounding.
    /// </summary>
    public static double UpperBound(string a, string b, int common)
    {
        double m = Math.Min(common, Math.Min(a.Length, b.Length));
        if (m == 0)
        {
            return 0;
        }

        var jaro = ((m / a.Length) + (m / b.Length) + 1) / 3.0;
        return jaro + (Prefix(a, b) * PrefixScale * (1 - jaro)) + 1e-9;
    }

    public static double Jaro(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
    }
}

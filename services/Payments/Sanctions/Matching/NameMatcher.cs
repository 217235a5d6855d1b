namespace Grants.Payments.Sanctions.Matching;

/// <summary>
/// Scores how well a screened name matches a listed name, 0 to 1, in any word order. Words pair up
/// when their canonical forms are equal or, for words of five letters or more that start alike, when
/// their Jaro-Winkler similarity is at least <see cref="WordThreshold"/>. The score weighs how much of
/// the listed name is found (a name that contains a listed name is a hit) above how much of the
/// screened name is explained; a name written without spaces is compared joined up.
/// </summary>
public static class NameMatcher
{
    public const double WordThreshold = 0.9;
    private const int FuzzyMinLength = 5;
    private const double ListedWeight = 0.85;
    private const double JoinedThreshold = 0.95;
    private const int JoinedMinLength = 8;

    public static double Score(string screened, string listed) =>
        Score(NameNormaliser.Tokens(screened), NameNormaliser.Tokens(listed));

    public static double Score(IReadOnlyList<string> screened, IReadOnlyList<string> listed)
    {
        if (screened.Count == 0 || listed.Count == 0)
        {
            return 0;
        }

        var pairs = new List<(double Similarity, int S, int L)>();
        for (var s = 0; s < screened.Count; s++)
        {
            for (var l = 0; l < listed.Count; l++)
            {
                if (WordSimilarity(screened[s], listed[l]) is var similarity and > 0)
                {
                    pairs.Add((similarity, s, l));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return 0;
        }

        pairs.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        var usedS = new bool[screened.Count];
        var usedL = new bool[listed.Count];
        var matched = 0.0;
        foreach (var (similarity, s, l) in pairs)
        {
            if (usedS[s] || usedL[l])
            {
                continue;
            }

            usedS[s] = usedL[l] = true;
            matched += similarity * (screened[s].Length + listed[l].Length) / 2.0;
        }

        var listedCovered = Math.Min(1, matched / Weight(listed));
        var screenedCovered = Math.Min(1, matched / Weight(screened));
        var words = (ListedWeight * listedCovered) + ((1 - ListedWeight) * screenedCovered);
        return Math.Max(words, Joined(screened, listed));
    }

    /// <summary>0 when the words do not pair up at all.</summary>
    public static double WordSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        if (a.Length < FuzzyMinLength || b.Length < FuzzyMinLength || a[0] != b[0])
        {
            return 0;
        }

        var similarity = JaroWinkler.Similarity(a, b);
        return similarity >= WordThreshold ? similarity : 0;
    }

    // "Abdulrahman Alnour" against "Abdul Rahman al-Nour": the same letters, spaced differently.
    private static double Joined(IReadOnlyList<string> screened, IReadOnlyList<string> listed)
    {
        var a = string.Concat(screened);
        var b = string.Concat(listed);
        if (a.Length < JoinedMinLength || b.Length < JoinedMinLength || screened.Count == listed.Count)
        {
            return 0;
        }

        var jaro = JaroWinkler.Jaro(a, b);
        return jaro >= JoinedThreshold ? jaro : 0;
    }

    private static double Weight(IReadOnlyList<string> tokens)
    {
        var weight = 0;
        foreach (var token in tokens)
        {
            weight += token.Length;
        }

        return weight;
    }
}

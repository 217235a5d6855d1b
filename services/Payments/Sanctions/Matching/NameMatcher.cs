using System.Runtime.Intrinsics;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>
/// Scores how well a screened name matches a listed name, 0 to 1, in any word order. Words pair up
/// when their canonical forms are equal or, for words of five letters or more that start alike, when
/// their Jaro-Winkler similarity is at least <see cref="WordThreshold"/>; pairs are taken best
/// first. The score weighs how much of the listed name is found (a name that contains a listed name
/// is a hit) above how much of the screened name is explained; a name written without spaces is
/// compared joined up. Names without a single pair score 0, which is what lets an index look only
/// at listed names sharing a pairing word.
/// </summary>
public static class NameMatcher
{
    public const double WordThreshold = 0.9;
    private const int FuzzyMinLength = 5;
    private const double ListedWeight = 0.85;
    private const double JoinedThreshold = 0.95;
    private const int JoinedMinLength = 8;
    private const int MaxWords = 16;

    public static double Score(string screened, string listed) => Score(new NameTokens(screened), new NameTokens(listed));

    public static double Score(NameTokens screened, NameTokens listed) =>
        Score(screened, listed, screened, static (screened, listed, s, l) => WordSimilarity(screened.Tokens[s], listed.Tokens[l]));

    /// <summary>With the word similarities given, for callers that computed them once for many listed names.</summary>
    public static double Score<TState>(NameTokens screened, NameTokens listed, TState state, Func<TState, NameTokens, int, int, double> similarity)
    {
        // Names of more words than this are cut: no listed name is that long, and the pairs are kept on the stack.
        var sCount = Math.Min(screened.Tokens.Length, MaxWords);
        var lCount = Math.Min(listed.Tokens.Length, MaxWords);
        if (sCount == 0 || lCount == 0)
        {
            return 0;
        }

        Span<(double Similarity, int S, int L)> pairs = stackalloc (double, int, int)[sCount * lCount];
        var count = 0;
        for (var s = 0; s < sCount; s++)
        {
            for (var l = 0; l < lCount; l++)
            {
                if (similarity(state, listed, s, l) is var value and > 0)
                {
                    pairs[count++] = (value, s, l);
                }
            }
        }

        if (count == 0)
        {
            return 0;
        }

        pairs = pairs[..count];
        pairs.Sort(static (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.S != b.S ? a.S.CompareTo(b.S) : a.L.CompareTo(b.L));
        Span<bool> usedS = stackalloc bool[sCount];
        Span<bool> usedL = stackalloc bool[lCount];
        var matched = 0.0;
        foreach (var (value, s, l) in pairs)
        {
            if (usedS[s] || usedL[l])
            {
                continue;
            }

            usedS[s] = usedL[l] = true;
            matched += value * (screened.Tokens[s].Length + listed.Tokens[l].Length) / 2.0;
        }

        var listedCovered = Math.Min(1, matched / listed.Weight);
        var screenedCovered = Math.Min(1, matched / screened.Weight);
        var words = (ListedWeight * listedCovered) + ((1 - ListedWeight) * screenedCovered);
        return Math.Max(words, Joined(screened, listed));
    }

    /// <summary>
    /// Whether a listed name can score <paramref name="threshold"/> when its paired words weigh at most
    /// <paramref name="pairedWeight"/> (each listed word counted with the longest screened word it pairs with).
    /// </summary>
    public static bool CanReach(NameTokens screened, NameTokens listed, double pairedWeight, double threshold) =>
        (ListedWeight * Math.Min(1, pairedWeight / listed.Weight)) + ((1 - ListedWeight) * Math.Min(1, pairedWeight / screened.Weight)) >= threshold
        || JoinedPossible(screened, listed);

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

    /// <summary>
    /// False when two different words cannot pair whatever their order of letters, judged from their
    /// lengths and letter counts alone; true means <see cref="WordSimilarity"/> must decide.
    /// </summary>
    public static bool MayPair(string a, Vector256<byte> aLetters, string b, Vector256<byte> bLetters) =>
        a.Length >= FuzzyMinLength && b.Length >= FuzzyMinLength && a[0] == b[0]
        && (a.Length > LetterCounts.MaxLength || b.Length > LetterCounts.MaxLength
            || JaroWinkler.UpperBound(a, b, LetterCounts.Common(aLetters, bLetters)) >= WordThreshold);

    // "Abdulrahman Alnour" against "Abdul Rahman al-Nour": the same letters, spaced differently.
    private static double Joined(NameTokens screened, NameTokens listed)
    {
        if (!JoinedPossible(screened, listed))
        {
            return 0;
        }

        var jaro = JaroWinkler.Jaro(screened.Joined, listed.Joined);
        return jaro >= JoinedThreshold ? jaro : 0;
    }

    // Jaro is at most (2 + shorter/longer) / 3: below the threshold there is nothing to compute.
    private static bool JoinedPossible(NameTokens screened, NameTokens listed)
    {
        var a = screened.Joined.Length;
        var b = listed.Joined.Length;
        return a >= JoinedMinLength && b >= JoinedMinLength && screened.Tokens.Length != listed.Tokens.Length
            && (2.0 + ((double)Math.Min(a, b) / Math.Max(a, b))) / 3 >= JoinedThreshold;
    }
}

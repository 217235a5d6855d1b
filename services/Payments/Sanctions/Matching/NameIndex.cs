using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using Grants.Payments.Sanctions.Lists;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>A listed name that scored at or above the threshold against a screened name.</summary>
public sealed record NameMatch(string ScreenedName, ListEntry Entry, string ListedName, double Score);

/// <summary>
/// The names of the current lists, indexed by their canonical words so that a screened name is
/// scored only against listed names sharing a word that can pair with one of its own; since a
/// name without a pairing word scores 0, this finds exactly the hits a comparison with every
/// listed name would. Word similarities are computed once per distinct listed word, skipping words
/// whose letter counts rule out a pair, and a listed name is scored only if the weight of its
/// pairing words can still reach the threshold (most share one common word such as Mohammed or
/// Trading). Immutable once built, so screenings share it across threads.
/// </summary>
public sealed class NameIndex
{
    private const int MaxPairingsCached = 200_000;

    [ThreadStatic]
    private static double[]? t_pairedWeight;

    private readonly List<(ListEntry Entry, NameTokens Name)> _names = [];
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> _pairings = new(StringComparer.Ordinal);
    private int _pairingsCached;
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _postings = [];
    private readonly Dictionary<char, List<(string Token, Vector256<byte> Letters)>> _tokensByInitial = [];

    public NameIndex(IEnumerable<ListEntry> entries, double threshold)
    {
        Threshold = threshold;
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names.Distinct(StringComparer.Ordinal))
            {
                var tokens = new NameTokens(name);
                if (tokens.Tokens.Length == 0)
                {
                    continue;
                }

                var id = _names.Count;
                _names.Add((entry, tokens));
                // Once per occurrence: a word written twice in a name weighs twice.
                foreach (var token in tokens.Tokens)
                {
                    if (!_tokenIds.TryGetValue(token, out var tokenId))
                    {
                        _tokenIds[token] = tokenId = _postings.Count;
                        _postings.Add([]);
                        if (!_tokensByInitial.TryGetValue(token[0], out var initial))
                        {
                            _tokensByInitial[token[0]] = initial = [];
                        }

                        initial.Add((token, LetterCounts.Of(token)));
                    }

                    _postings[tokenId].Add(id);
                }
            }
        }
    }

    public double Threshold { get; }

    public int NameCount => _names.Count;

    /// <summary>The best-scoring listed name of every entry that matches, best first.</summary>
    public IReadOnlyList<NameMatch> Screen(string screenedName)
    {
        var screened = new NameTokens(screenedName);
        var pairing = new IReadOnlyDictionary<string, double>[screened.Tokens.Length];
        var longestPartner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < screened.Tokens.Length; s++)
        {
            pairing[s] = Pairing(screened.Tokens[s]);
            foreach (var listed in pairing[s].Keys)
            {
                longestPartner[listed] = Math.Max(longestPartner.GetValueOrDefault(listed), screened.Tokens[s].Length);
            }
        }

        // The most each listed name's pairing words can add to its score, at best similarity; all zero
        // between screenings, so only what a screening touched is cleared after it.
        var pairedWeight = t_pairedWeight is { } buffer && buffer.Length >= _names.Count ? buffer : t_pairedWeight = new double[_names.Count];
        var touched = new List<int>();
        try
        {
            foreach (var (listed, partner) in longestPartner)
            {
                var weight = (listed.Length + partner) / 2.0;
                foreach (var id in _postings[_tokenIds[listed]])
                {
                    if (pairedWeight[id] == 0)
                    {
                        touched.Add(id);
                    }

                    pairedWeight[id] += weight;
                }
            }

            var best = new Dictionary<ListEntry, NameMatch>(ReferenceEqualityComparer.Instance);
            foreach (var id in touched)
            {
                var (entry, listed) = _names[id];
                if (!NameMatcher.CanReach(screened, listed, pairedWeight[id], Threshold))
                {
                    continue;
                }

                var score = NameMatcher.Score(screened, listed, pairing, static (pairing, listed, s, l) =>
                    pairing[s].TryGetValue(listed.Tokens[l], out var similarity) ? similarity : 0);
                if (score >= Threshold && (!best.TryGetValue(entry, out var current) || score > current.Score))
                {
                    best[entry] = new NameMatch(screenedName, entry, listed.Name, score);
                }
            }

            return [.. best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Entry.EntryId, StringComparer.Ordinal)];
        }
        finally
        {
            foreach (var id in touched)
            {
                pairedWeight[id] = 0;
            }
        }
    }

    /// <summary>The listed words a screened word pairs with, and how well; remembered, as screened words recur (association, Mohammed).</summary>
    private IReadOnlyDictionary<string, double> Pairing(string token)
    {
        if (_pairings.TryGetValue(token, out var known))
        {
            return known;
        }

        var pairs = Pairs(token);
        if (Interlocked.Increment(ref _pairingsCached) <= MaxPairingsCached)
        {
            _pairings.TryAdd(token, pairs);
        }

        return pairs;
    }

    private Dictionary<string, double> Pairs(string token)
    {
        var pairs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_tokenIds.ContainsKey(token))
        {
            pairs[token] = 1;
        }

        if (_tokensByInitial.TryGetValue(token[0], out var sameInitial))
        {
            var letters = LetterCounts.Of(token);
            foreach (var (listed, listedLetters) in sameInitial)
            {
                if (NameMatcher.MayPair(token, letters, listed, listedLetters) && !pairs.ContainsKey(listed)
                    && NameMatcher.WordSimilarity(token, listed) is var similarity and > 0)
                {
                    pairs[listed] = similarity;
                }
            }
        }

        return pairs;
    }
}

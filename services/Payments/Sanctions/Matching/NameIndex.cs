using Grants.Payments.Sanctions.Lists;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>A listed name that scored at or above the threshold against a screened name.</summary>
public sealed record NameMatch(string ScreenedName, ListEntry Entry, string ListedName, double Score);

/// <summary>
/// The names of the current lists, indexed by their canonical words so that a screened name is
/// scored only against listed names sharing a word that can pair with one of its own; since a
/// name without a pairing word scores 0, this finds exactly the hits a comparison with every
/// listed name would. The word similarities of a screening are computed once per distinct listed
/// word, not once per listed name. Immutable once built, so screenings share it across threads.
/// </summary>
public sealed class NameIndex
{
    private readonly List<(ListEntry Entry, NameTokens Name)> _names = [];
    private readonly Dictionary<string, List<int>> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<string>> _tokensByInitial = [];

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
                foreach (var token in tokens.Tokens.Distinct(StringComparer.Ordinal))
                {
                    if (!_byToken.TryGetValue(token, out var postings))
                    {
                        _byToken[token] = postings = [];
                        if (!_tokensByInitial.TryGetValue(token[0], out var initial))
                        {
                            _tokensByInitial[token[0]] = initial = [];
                        }

                        initial.Add(token);
                    }

                    postings.Add(id);
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
        var screening = new ScreenedWords(screened, new Dictionary<string, double>[screened.Tokens.Length], new Dictionary<string, int>(StringComparer.Ordinal));
        var candidates = new HashSet<int>();
        for (var s = 0; s < screened.Tokens.Length; s++)
        {
            screening.Pairing[s] = Pairing(screened.Tokens[s]);
            foreach (var listed in screening.Pairing[s].Keys)
            {
                candidates.UnionWith(_byToken[listed]);
                screening.LongestPartner[listed] = Math.Max(screening.LongestPartner.GetValueOrDefault(listed), screened.Tokens[s].Length);
            }
        }

        var best = new Dictionary<ListEntry, NameMatch>(ReferenceEqualityComparer.Instance);
        foreach (var id in candidates)
        {
            var (entry, listed) = _names[id];
            // Most candidates share one common word (Mohammed, Trading): too little to reach the threshold.
            if (!NameMatcher.CanReach(screened, listed, screening.PairedWeight(listed), Threshold))
            {
                continue;
            }

            var score = NameMatcher.Score(screened, listed, screening, static (screening, listed, s, l) =>
                screening.Pairing[s].TryGetValue(listed.Tokens[l], out var similarity) ? similarity : 0);
            if (score >= Threshold && (!best.TryGetValue(entry, out var current) || score > current.Score))
            {
                best[entry] = new NameMatch(screenedName, entry, listed.Name, score);
            }
        }

        return [.. best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Entry.EntryId, StringComparer.Ordinal)];
    }

    /// <summary>Per screened word the listed words it pairs with and how well; per listed word the longest screened word it pairs with.</summary>
    private sealed record ScreenedWords(NameTokens Screened, Dictionary<string, double>[] Pairing, Dictionary<string, int> LongestPartner)
    {
        public double PairedWeight(NameTokens listed)
        {
            var weight = 0.0;
            foreach (var token in listed.Tokens)
            {
                if (LongestPartner.TryGetValue(token, out var partner))
                {
                    weight += (token.Length + partner) / 2.0;
                }
            }

            return weight;
        }
    }

    private Dictionary<string, double> Pairing(string token)
    {
        var pairs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_byToken.ContainsKey(token))
        {
            pairs[token] = 1;
        }

        if (_tokensByInitial.TryGetValue(token[0], out var sameInitial))
        {
            foreach (var listed in sameInitial)
            {
                if (!pairs.ContainsKey(listed) && NameMatcher.WordSimilarity(token, listed) is var similarity and > 0)
                {
                    pairs[listed] = similarity;
                }
            }
        }

        return pairs;
    }
}

using Grants.Payments.Sanctions.Lists;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>A listed name that scored at or above the threshold against a screened name.</summary>
public sealed record NameMatch(string ScreenedName, ListEntry Entry, string ListedName, double Score);

/// <summary>
/// The names of the current lists, indexed by their canonical words so that a screened name is
/// scored only against listed names sharing a word that can pair with one of its own; since a
/// name without a pairing word scores 0, this finds exactly the hits a comparison with every
/// listed name would. Immutable once built, so screenings share it across threads.
/// </summary>
public sealed class NameIndex
{
    private readonly List<(ListEntry Entry, string Name, string[] Tokens)> _names = [];
    private readonly Dictionary<string, List<int>> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<string>> _tokensByInitial = [];

    public NameIndex(IEnumerable<ListEntry> entries, double threshold)
    {
        Threshold = threshold;
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names.Distinct(StringComparer.Ordinal))
            {
                var tokens = NameNormaliser.Tokens(name).ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                var id = _names.Count;
                _names.Add((entry, name, tokens));
                foreach (var token in tokens.Distinct(StringComparer.Ordinal))
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
        var tokens = NameNormaliser.Tokens(screenedName);
        var candidates = new HashSet<int>();
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            foreach (var listed in PairingTokens(token))
            {
                candidates.UnionWith(_byToken[listed]);
            }
        }

        var best = new Dictionary<ListEntry, NameMatch>(ReferenceEqualityComparer.Instance);
        foreach (var id in candidates)
        {
            var (entry, name, listedTokens) = _names[id];
            var score = NameMatcher.Score(tokens, listedTokens);
            if (score >= Threshold && (!best.TryGetValue(entry, out var current) || score > current.Score))
            {
                best[entry] = new NameMatch(screenedName, entry, name, score);
            }
        }

        return [.. best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Entry.EntryId, StringComparer.Ordinal)];
    }

    private IEnumerable<string> PairingTokens(string token)
    {
        if (_byToken.ContainsKey(token))
        {
            yield return token;
        }

        if (_tokensByInitial.TryGetValue(token[0], out var sameInitial))
        {
            foreach (var listed in sameInitial)
            {
                if (!string.Equals(listed, token, StringComparison.Ordinal) && NameMatcher.WordSimilarity(token, listed) > 0)
                {
                    yield return listed;
                }
            }
        }
    }
}

using System.Diagnostics;
using Xunit.Abstractions;

namespace Grants.Payments.Sanctions.Tests.Matching;

public sealed class When_many_names_are_screened(ITestOutputHelper output)
{
    [Fact]
    public void Should_find_exactly_the_hits_a_comparison_with_every_listed_name_finds()
    {
        var entries = SyntheticLists.Entries(600, seed: 7);
        var names = SyntheticLists.Names(entries, 200, seed: 11);
        var stopwatch = Stopwatch.StartNew();
        var index = new NameIndex(entries, SanctionsSettings.DefaultThreshold);
        var indexed = names.SelectMany(n => index.Screen(n)).Select(m => (m.ScreenedName, m.Entry.EntryId, Math.Round(m.Score, 6))).ToHashSet();
        var elapsed = stopwatch.Elapsed;

        var listed = entries.Select(e => (Entry: e, Names: e.Names.Select(n => new NameTokens(n)).ToList())).ToList();
        var bruteForce = names
            .Select(n => new NameTokens(n))
            .SelectMany(n => listed.Select(e => (n: n.Name, e: e.Entry, Score: e.Names.Max(l => NameMatcher.Score(n, l)))))
            .Where(x => x.Score >= SanctionsSettings.DefaultThreshold)
            .Select(x => (x.n, x.e.EntryId, Math.Round(x.Score, 6)))
            .ToHashSet();

        output.WriteLine($"{names.Count} names against {index.NameCount} listed names: {indexed.Count} hits in {elapsed.TotalMilliseconds:F0} ms (index build included).");
        Assert.NotEmpty(bruteForce);
        Assert.Equal(bruteForce.OrderBy(h => h.ToString()), indexed.OrderBy(h => h.ToString()));
    }
}

extern alias portal;

using System.Text.RegularExpressions;
using System.Xml.Linq;
using portal::Grants.Portal.Resources;

namespace Grants.Portal.Tests;

/// <summary>Every word the pages ask for (T["..."] in the views and page models, and the status names) is in the French and the Dutch resources.</summary>
public sealed partial class When_the_portal_is_translated
{
    private static readonly string Portal = Path.Combine(Repository.Root, "services", "Portal");

    public static TheoryData<string> Languages => new() { "fr", "nl" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Should_have_every_word_the_pages_use(string language)
    {
        var translated = Resource(language);

        var missing = UsedKeys().Where(key => !translated.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Text.{language}.resx lacks: {string.Join(" | ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Should_keep_no_word_that_no_page_uses_and_no_empty_translation(string language)
    {
        var used = UsedKeys();
        var translated = Resource(language);

        var unused = translated.Keys.Where(key => !used.Contains(key)).ToList();
        var empty = translated.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).ToList();

        Assert.True(unused.Count == 0, $"Text.{language}.resx has words no page uses: {string.Join(" | ", unused)}");
        Assert.True(empty.Count == 0, $"Text.{language}.resx translates these as nothing: {string.Join(" | ", empty)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Should_fill_in_the_same_values_as_the_english(string language)
    {
        var wrong = Resource(language)
            .Where(entry => !Placeholders(entry.Key).SetEquals(Placeholders(entry.Value)))
            .Select(entry => $"{entry.Key} → {entry.Value}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Should_find_the_words_of_the_views_and_page_models()
    {
        var used = UsedKeys();

        Assert.Contains("Open calls for proposals", used);
        Assert.Contains("Draft saved.", used);
        Assert.Contains("Clarification requested", used);
    }

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(Labels.English.Values, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Portal, "*.cs*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in Key().Matches(File.ReadAllText(file)))
            {
                keys.Add(match.Groups[1].Value);
            }
        }

        return keys;
    }

    /// <summary>The resource's entries; a name twice, even differing only in case, fails (the resource compiler keeps one of them).</summary>
    private static Dictionary<string, string> Resource(string language)
    {
        var entries = XDocument.Load(Path.Combine(Portal, "Resources", $"Text.{language}.resx")).Root!.Elements("data")
            .Select(d => (Name: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .ToList();
        var twice = entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Text.{language}.resx names these twice: {string.Join(" | ", twice)}");
        return entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Key();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}

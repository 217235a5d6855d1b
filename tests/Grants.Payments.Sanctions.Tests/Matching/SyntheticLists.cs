using System.Globalization;

namespace Grants.Payments.Sanctions.Tests.Matching;

/// <summary>Generated lists and screened names with realistic shapes: several words, aliases in other spellings, shared common words.</summary>
internal static class SyntheticLists
{
    private static readonly string[] Given =
    [
        "Mohammed", "Muhammad", "Ahmed", "Abdul", "Hassan", "Hussein", "Omar", "Youssef", "Ibrahim", "Khalid", "Mustafa", "Ali",
        "Eric", "Jean", "Pierre", "Marie", "Théodore", "Sultani", "Innocent", "Bosco", "Oleksandr", "Dmitri", "Sergei", "Ivan",
        "Fatima", "Aisha", "Amina", "Mariam", "Salim", "Rashid", "Karim", "Nasser", "Tariq", "Bilal", "Hamza", "Yasin",
    ];

    private static readonly string[] Family =
    [
        "al-Masri", "al-Baghdadi", "Haqqani", "Makenga", "Badege", "Ntaganda", "Kovalenko", "Petrov", "Ivanov", "Sidorenko",
        "Abdallah", "el-Amin", "Ould Sidi", "Ag Ghaly", "Touré", "Diallo", "Kaboré", "Mbeke", "Nkunda", "Kabarebe", "Zawahiri",
        "al-Tikriti", "Rahmani", "Yusufzai", "Karimov", "Nazarov", "Bakr", "Hamdan", "Saleh", "Qasim", "Darwish", "Suleiman",
    ];

    private static readonly string[] EntityWords =
    [
        "Trading", "Minerals", "Relief", "Foundation", "Islamic", "Movement", "Brigade", "Logistics", "Shipping", "Mining",
        "Development", "Charity", "Humanitarian", "Society", "Front", "Army", "Liberation", "Holding", "Export", "Import",
        "Kivu", "Sahel", "Nour", "Shabaab", "Ansar", "Jamaat", "Tahrir", "Baraka", "Salam", "Hope",
    ];

    public static List<ListEntry> Entries(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new List<ListEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var person = random.Next(3) > 0;
            var primary = person ? Person(random) : Entity(random);
            string[] names = [primary, person ? Person(random) : Entity(random), Respelled(primary)];
            entries.Add(new ListEntry("UN", i.ToString(CultureInfo.InvariantCulture), person ? EntryKinds.Individual : EntryKinds.Entity, $"QDi.{i}", names, $"fp{i}"));
        }

        return entries;
    }

    public static List<string> Names(IReadOnlyList<ListEntry> entries, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => Respelled(entries[random.Next(entries.Count)].Names[random.Next(2)]),
            1 => Person(random),
            2 => Entity(random) + " ASBL",
            _ => $"{Given[random.Next(Given.Length)]} {EntityWords[random.Next(EntityWords.Length)]} Network",
        })];
    }

    private static string Person(Random random) =>
        $"{Given[random.Next(Given.Length)]} {Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";

    private static string Entity(Random random) =>
        $"{EntityWords[random.Next(EntityWords.Length)]} {EntityWords[random.Next(EntityWords.Length)]} {Family[random.Next(Family.Length)]} {EntityWords[random.Next(EntityWords.Length)]}";

    private static string Respelled(string name) => name
        .Replace("Mohammed", "Muhammad", StringComparison.Ordinal)
        .Replace("Hussein", "Husayn", StringComparison.Ordinal)
        .Replace("al-", "el ", StringComparison.Ordinal)
        .Replace("Youssef", "Yusuf", StringComparison.Ordinal)
        .ToUpperInvariant();
}

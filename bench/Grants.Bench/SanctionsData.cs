extern alias payments;
using System.Globalization;
using System.Text;
using payments::Grants.Payments.Sanctions.Lists;

namespace Grants.Bench;

/// <summary>A screened name made from a listed one, and the entry screening must find for it.</summary>
internal sealed record PlantedHit(string Name, string EntryId);

/// <summary>
/// Sanctions lists and names to screen shaped like the real ones: individuals with given names
/// common across the Arab world, the Sahel, the Great Lakes and the former Soviet Union and
/// family names that are mostly unique; entities with common words (Trading, Foundation, Brigade);
/// aliases in other transliterations, with and without diacritics, surname first, and in Cyrillic
/// for Slavic names. The names to screen are NGOs, their partners and account holders, with known
/// hits planted: listed names and aliases respelled, reordered, with diacritics changed.
/// </summary>
internal static class SanctionsData
{
    private static readonly string[] ArabicGiven =
    [
        "Mohammed", "Ahmed", "Abdulrahman", "Abdullah", "Hassan", "Hussein", "Omar", "Youssef", "Ibrahim", "Khalid", "Mustafa", "Ali",
        "Osama", "Said", "Mahmoud", "Nasser", "Tariq", "Bilal", "Hamza", "Yasin", "Jamal", "Karim", "Rashid", "Salim", "Walid", "Faisal",
        "Fatima", "Aisha", "Amina", "Mariam", "Zainab", "Khadija", "Othman", "Saad", "Anwar", "Ziad",
    ];

    private static readonly string[] AfricanGiven =
    [
        "Jean", "Pierre", "Innocent", "Bosco", "Théodore", "Sultani", "Emmanuel", "Laurent", "Célestin", "Déogratias", "Évariste", "Aimé",
        "Moussa", "Amadou", "Oumar", "Mamadou", "Boubacar", "Ibrahima", "Seydou", "Adama", "Aïssata", "Fatoumata", "Mariame", "Kadiatou",
    ];

    private static readonly string[] SlavicGiven =
    [
        "Oleksandr", "Dmitri", "Sergei", "Ivan", "Viktor", "Yevgeny", "Mikhail", "Aleksei", "Nikolai", "Vladimir", "Yuri", "Andrei",
        "Olga", "Natalia", "Svetlana", "Irina", "Tatiana", "Yelena",
    ];

    private static readonly string[] Onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "z", "sh", "kh", "dj", "ts", "v", "w", "y", "ng", "mb"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ou", "ai", "ia"];

    private static readonly string[] EntityWords =
    [
        "Trading", "Minerals", "Relief", "Foundation", "Islamic", "Movement", "Brigade", "Logistics", "Shipping", "Mining", "Development",
        "Charity", "Humanitarian", "Society", "Front", "Army", "Liberation", "Holding", "Export", "Import", "Petroleum", "Gold", "Timber",
        "Services", "Construction", "Investment", "Bank", "Exchange", "Transport", "Aviation",
    ];

    private static readonly string[] EntityForms = ["Company", "Ltd", "LLC", "SARL", "Group", "Organisation", "Network", "Council", "Battalion", "Establishment"];

    private static readonly string[] NgoWords =
    [
        "Association", "Women", "Peace", "Youth", "Mediation", "Dialogue", "Rights", "Justice", "Reconciliation", "Children", "Education",
        "Health", "Water", "Future", "Solidarity", "Action", "Initiative", "Community", "Voices", "Bridges",
    ];

    private static readonly Dictionary<string, string> Respellings = new(StringComparer.Ordinal)
    {
        ["Mohammed"] = "Muhammad", ["Ahmed"] = "Ahmad", ["Abdulrahman"] = "Abd al-Rahman", ["Abdullah"] = "Abdallah", ["Hussein"] = "Husayn",
        ["Hassan"] = "Hasan", ["Omar"] = "Umar", ["Youssef"] = "Yusuf", ["Osama"] = "Usama", ["Said"] = "Saeed", ["Mahmoud"] = "Mahmud",
        ["Mustafa"] = "Moustapha", ["Othman"] = "Uthman", ["Khalid"] = "Khaled", ["Nasser"] = "Nasir", ["Yasin"] = "Yassine",
        ["Yevgeny"] = "Evgeniy", ["Yuri"] = "Iouri", ["Aleksei"] = "Alexey", ["Oleksandr"] = "Aleksandr", ["Yelena"] = "Elena",
    };

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['a'] = "а", ['b'] = "б", ['v'] = "в", ['g'] = "г", ['d'] = "д", ['e'] = "е", ['z'] = "з", ['i'] = "и", ['y'] = "й", ['k'] = "к",
        ['l'] = "л", ['m'] = "м", ['n'] = "н", ['o'] = "о", ['p'] = "п", ['r'] = "р", ['s'] = "с", ['t'] = "т", ['u'] = "у", ['f'] = "ф",
        ['h'] = "х", ['c'] = "ц", ['w'] = "в", ['x'] = "кс", ['j'] = "ж", ['q'] = "к",
    };

    public static List<ListEntry> Entries(int count, int seed)
    {
        var random = new Random(seed);
        var entries = new List<ListEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var (source, reference) = i % 3 == 0 ? ("EU", $"EU.{i}.{random.Next(10, 99)}") : ("UN", $"{(i % 2 == 0 ? "QDi" : "CDi")}.{i:D5}");
            var (kind, names) = random.Next(10) < 7 ? (EntryKinds.Individual, Individual(random)) : (EntryKinds.Entity, Entity(random));
            entries.Add(new ListEntry(source, id, kind, reference, names, $"fp-{id}"));
        }

        return entries;
    }

    /// <summary><paramref name="count"/> names, <paramref name="planted"/> of them made from listed names.</summary>
    public static (List<string> Names, List<PlantedHit> Planted) Screened(IReadOnlyList<ListEntry> entries, int count, int planted, int seed)
    {
        var random = new Random(seed);
        var names = new List<string>(count);
        var hits = new List<PlantedHit>(planted);
        for (var i = 0; i < count; i++)
        {
            if (i % (count / planted) == 0 && hits.Count < planted)
            {
                var entry = entries[random.Next(entries.Count)];
                var name = Disguised(entry.Names[random.Next(entry.Names.Count)], random);
                hits.Add(new PlantedHit(name, entry.EntryId));
                names.Add(name);
                continue;
            }

            names.Add((i % 3) switch
            {
                0 => $"{Pick(random, NgoWords)} {Pick(random, NgoWords)} {Surname(random)} {Pick(random, ["ASBL", "VZW", "NGO", "Trust", "Fund"])}",
                1 => Person(random).Primary,
                _ => $"{Surname(random)} {Pick(random, NgoWords)} {Pick(random, EntityForms)}",
            });
        }

        return (names, hits);
    }

    private static List<string> Individual(Random random)
    {
        var (primary, given, family, slavic) = Person(random);
        var names = new List<string> { primary };
        var aliases = random.Next(1, 5);
        for (var a = 0; a < aliases; a++)
        {
            names.Add(random.Next(5) switch
            {
                0 => Respelled(primary),
                1 => $"{family.ToUpperInvariant()}, {given}",
                2 => slavic ? InCyrillic(primary) : $"Abu {Pick(random, ArabicGiven)} al-{Surname(random)}",
                3 => WithoutDiacritics(Respelled(primary)),
                _ => $"{given} {Surname(random)}",
            });
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static List<string> Entity(Random random)
    {
        var core = random.Next(2) == 0 ? $"al-{Surname(random)}" : Surname(random);
        var primary = $"{core} {Pick(random, EntityWords)} {Pick(random, EntityForms)}";
        List<string> names = [primary];
        if (random.Next(2) == 0)
        {
            names.Add($"{core.Replace("al-", "el ", StringComparison.Ordinal)} {Pick(random, EntityWords)} {Pick(random, EntityWords)}");
        }

        if (random.Next(3) == 0)
        {
            names.Add(string.Concat(primary.Split(' ').Select(w => char.ToUpperInvariant(w[0]))));
        }

        return names;
    }

    private static (string Primary, string Given, string Family, bool Slavic) Person(Random random)
    {
        var pool = random.Next(10) switch
        {
            < 5 => ArabicGiven,
            < 8 => AfricanGiven,
            _ => SlavicGiven,
        };
        var slavic = pool == SlavicGiven;
        var family = pool == ArabicGiven && random.Next(2) == 0 ? $"al-{Surname(random)}" : Surname(random) + (slavic ? Pick(random, ["enko", "ov", "ev", "sky"]) : "");
        var given = random.Next(3) == 0 ? $"{Pick(random, pool)} {Pick(random, pool)}" : Pick(random, pool);
        return ($"{given} {family}", given, family, slavic);
    }

    /// <summary>Two or three syllables: some thousands of family names, as the lists have.</summary>
    private static string Surname(Random random)
    {
        var text = new StringBuilder();
        for (var s = random.Next(2, 4); s > 0; s--)
        {
            text.Append(Pick(random, Onsets)).Append(Pick(random, Vowels));
        }

        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }

    /// <summary>How a listed name arrives in a registration form or a bank file.</summary>
    private static string Disguised(string name, Random random) => random.Next(6) switch
    {
        0 => Respelled(name).ToLowerInvariant(),
        1 => string.Join(' ', name.Split(' ').Reverse()),
        2 => WithoutDiacritics(name).ToUpperInvariant(),
        3 => name.Replace("al-", "El ", StringComparison.Ordinal).Replace("-", " ", StringComparison.Ordinal),
        4 => name.Replace(" ", " - ", StringComparison.Ordinal).Replace("e", "é", StringComparison.Ordinal),
        _ => $"{name} ASBL",
    };

    private static string Respelled(string name) =>
        string.Join(' ', name.Split(' ').Select(w => Respellings.GetValueOrDefault(w, w)));

    private static string InCyrillic(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => Cyrillic.TryGetValue(c, out var letter) ? letter : c.ToString()));

    private static string WithoutDiacritics(string name) =>
        string.Concat(name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}

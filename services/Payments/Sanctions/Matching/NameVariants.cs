namespace Grants.Payments.Sanctions.Matching;

/// <summary>
/// Reduces a word to a form shared by its transliteration variants: first a spelling skeleton
/// (q/k, ph/f, ou/u, ee/i, y/i, an opening ye/e, doubled letters, a final h after a vowel), then a table of the name
/// variants no rule covers (Mohammed, Muhammad, Mohamed; Hussein, Husayn). Compound names written
/// as one word (Abdulrahman) are split as they are in the lists (Abd al-Rahman).
/// </summary>
public static class NameVariants
{
    private static readonly string[][] Groups =
    [
        ["muhammad", "mohammed", "mohammad", "mohamed", "mohamad", "muhammed", "muhamad", "muhamed", "mouhamed", "mohamud", "mahomed", "mohd"],
        ["ahmad", "ahmed", "ahmet", "achmad"],
        ["husayn", "hussein", "hussain", "husain", "husein", "hossein", "houssein", "hussien"],
        ["hasan", "hassan", "hassen", "hasen"],
        ["usama", "osama", "oussama", "ousama"],
        ["abd", "abdul", "abdel", "abdal", "abdoul", "abdu"],
        ["abdallah", "abdullah", "abdulla", "abdalla", "abdellah", "abdollah"],
        ["abu", "abou", "abo"],
        ["bin", "ben", "ibn", "ibnu"],
        ["umar", "omar", "omer"],
        ["uthman", "othman", "osman", "usman", "otman", "outhman"],
        ["said", "saeed", "sayed", "sayyid", "sayid", "saied", "saeid"],
        ["khalid", "khaled", "chaled"],
        ["mahmud", "mahmoud", "mehmood", "mahmood"],
        ["mustafa", "mostafa", "moustafa", "mustapha", "mostapha"],
        ["ibrahim", "ebrahim", "ibraheem", "brahim"],
        ["yusuf", "youssef", "yousef", "yousif", "yussuf", "youssouf", "yusef", "yosef"],
        ["yasin", "yassin", "yaseen", "yassine"],
        ["shaykh", "sheikh", "cheikh", "shaikh", "sheik", "cheick"],
        ["qaida", "qaeda", "kaida", "kaeda"],
        ["jamaat", "jamaah", "jamaa", "djamaat", "jamat"],
        ["mujahidin", "mujahideen", "moudjahidine", "mujahedin", "mujahidun"],
        ["jamal", "gamal", "djamal"],
        ["jihad", "djihad"],
        ["qadhafi", "gaddafi", "qaddafi", "kadhafi", "gadhafi", "kaddafi"],
        ["nasir", "nasser", "naser", "nassir", "nacer"],
        ["shabaab", "shabab"],
        ["abdelaziz", "abdulaziz", "abdalaziz"],
    ];

    private static readonly string[] AbdPrefixes = ["abdoul", "abdul", "abdel", "abdal", "abdur", "abder", "abdu", "abd"];

    private static readonly Dictionary<string, string> Canonicals = Build();

    /// <summary>One canonical token, or two for a compound written as one word.</summary>
    public static IEnumerable<string> Canonical(string word)
    {
        var skeleton = Skeleton(word);
        if (Canonicals.TryGetValue(skeleton, out var canonical))
        {
            yield return canonical;
            yield break;
        }

        foreach (var prefix in AbdPrefixes)
        {
            if (word.Length - prefix.Length >= 4 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return "abd";
                yield return Single(word[prefix.Length..]);
                yield break;
            }
        }

        yield return skeleton;
    }

    private static string Single(string word) =>
        Canonicals.TryGetValue(Skeleton(word), out var canonical) ? canonical : Skeleton(word);

    /// <summary>Spelling rules applied to Latin-script words only; other scripts keep their letters.</summary>
    public static string Skeleton(string word)
    {
        if (!word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
        {
            return word;
        }

        // Russian Е opening a word is written Ye or E (Yevgeny, Evgeniy; Yelena, Elena).
        var s = (word.StartsWith("ye", StringComparison.Ordinal) ? word[1..] : word)
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal)
            .Replace("kh", "k", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal)
            .Replace('q', 'k')
            .Replace("ou", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal)
            .Replace("ee", "i", StringComparison.Ordinal)
            .Replace('y', 'i');
        Span<char> collapsed = stackalloc char[s.Length];
        var length = 0;
        foreach (var c in s)
        {
            if (length == 0 || collapsed[length - 1] != c || char.IsDigit(c))
            {
                collapsed[length++] = c;
            }
        }

        if (length > 3 && collapsed[length - 1] == 'h' && collapsed[length - 2] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            length--;
        }

        return new string(collapsed[..length]);
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var canonical = Skeleton(group[0]);
            foreach (var variant in group)
            {
                map[Skeleton(variant)] = canonical;
            }
        }

        return map;
    }
}

using System.Globalization;
using System.Text;

namespace Grants.Payments.Sanctions.Matching;

/// <summary>
/// Turns a name as written into the tokens names are compared by: case, diacritics and punctuation
/// gone, Arabic articles and legal forms dropped, and each word reduced to a spelling-neutral form
/// (<see cref="NameVariants"/>), so "Al-Qa'ida" and "AL QAEDA" read the same.
/// </summary>
public static class NameNormaliser
{
    // Words that tell nothing about who someone is: articles, connectives and legal forms.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "the", "of", "and", "for", "de", "du", "des", "la", "le", "les", "et",
        "ltd", "llc", "inc", "co", "corp", "company", "limited", "sa", "sarl", "sprl", "srl", "asbl", "vzw",
        "gmbh", "ag", "plc", "ooo", "oao", "zao", "jsc", "pjsc", "bv", "nv",
    };

    // Arabic articles assimilated to a "sun letter" (ad-Dawla, ash-Shabaab, as-Sahab): an article
    // only when the next word starts with the consonant it was assimilated to.
    private static readonly Dictionary<string, char> SunArticles = new(StringComparer.Ordinal)
    {
        ["ad"] = 'd', ["adh"] = 'd', ["ar"] = 'r', ["as"] = 's', ["ash"] = 's', ["at"] = 't', ["ath"] = 't', ["az"] = 'z', ["an"] = 'n',
    };

    public static IReadOnlyList<string> Tokens(string name)
    {
        var words = Words(name);
        var tokens = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Noise.Contains(word)
                || (SunArticles.TryGetValue(word, out var letter) && i + 1 < words.Count && words[i + 1][0] == letter))
            {
                continue;
            }

            tokens.AddRange(NameVariants.Canonical(word));
        }

        return tokens;
    }

    /// <summary>Lower-case words without diacritics or punctuation; apostrophes and transliteration marks join (Qa'ida is qaida).</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                    continue;
                case UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol:
                    continue;
            }

            if (Folded(c) is { } folded)
            {
                text.Append(folded);
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u0640')
            {
                // Apostrophes, ayn/hamza marks and the Arabic tatweel sit inside a word.
            }
            else if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(' ');
            }
        }

        return text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    // Letters that Unicode does not decompose into a base letter and a mark.
    private static string? Folded(char c) => c switch
    {
        'ß' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ø' or 'Ø' => "o",
        'ł' or 'Ł' => "l",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        'ħ' or 'Ħ' => "h",
        // Arabic: the letter forms that spelling varies between.
        'ة' => "ه",
        'ى' => "ي",
        _ => null,
    };
}

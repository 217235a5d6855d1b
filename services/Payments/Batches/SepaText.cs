using System.Globalization;
using System.Text;

namespace Grants.Payments.Batches;

/// <summary>
/// Text as SEPA credit transfers carry it: the Latin character set of the EPC guidelines
/// (a-z A-Z 0-9 / - ? : ( ) . , ' + space). Accents are dropped, dashes become hyphens, anything
/// else becomes a space.
/// </summary>
public static class SepaText
{
    public static string Clean(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var allowed = char.IsAsciiLetterOrDigit(c) || "/-?:().,'+ ".Contains(c, StringComparison.Ordinal);
            var next = allowed ? c : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : ' ';
            if (next != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(next);
            }
        }

        var clean = builder.ToString().Trim();
        return clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd();
    }
}

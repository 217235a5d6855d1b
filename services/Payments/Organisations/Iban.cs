namespace Grants.Payments.Organisations;

/// <summary>ISO 13616 IBAN check: shape and the mod-97 checksum, so a mistyped account never reaches a payment file.</summary>
public static class Iban
{
    public static bool IsValid(string? iban)
    {
        if (iban is null || iban.Length is < 15 or > 34 || !iban.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }
}

using System.Numerics;
using System.Text.RegularExpressions;

namespace Grants.Applications.Organisations;

/// <summary>IBAN by its ISO 13616 check digits, BIC by its ISO 9362 shape.</summary>
public static partial class BankDetails
{
    public static string Normalize(string? value) => (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValidIban(string? iban)
    {
        var value = Normalize(iban);
        if (!IbanShape().IsMatch(value) || !Calls.CountryCodes.IsKnown(value[..2]))
        {
            return false;
        }

        // Move the country and check digits to the end, letters become 10..35, and the number mod 97 must be 1.
        var digits = string.Concat((value[4..] + value[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    public static bool IsValidBic(string? bic)
    {
        var value = Normalize(bic);
        return BicShape().IsMatch(value) && Calls.CountryCodes.IsKnown(value[4..6]);
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex IbanShape();

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicShape();
}

using System.Globalization;

namespace Grants.Applications.Calls;

/// <summary>ISO 3166-1 alpha-2 codes, as the platform's region data knows them.</summary>
public static class CountryCodes
{
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
        .Concat(["PS", "XK"])
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is { Length: 2 } && Known.Contains(code);
}

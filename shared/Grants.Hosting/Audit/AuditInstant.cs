using System.Globalization;

namespace Grants.Hosting.Audit;

/// <summary>
/// "As of" for people: an instant with its offset (2026-03-01T12:00:00Z), or a calendar date, which
/// means the end of that day in Brussels, the Unit's time zone: what the record held when the day was over.
/// </summary>
public static class AuditInstant
{
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // The store keeps microseconds; one less than the next day's first is the day's last.
            instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextMidnight, Brussels), TimeSpan.Zero).AddTicks(-10);
            return true;
        }

        // An instant must say where it is: a local time without an offset would mean the server's zone.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool HasOffset(string text) =>
        text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';
}

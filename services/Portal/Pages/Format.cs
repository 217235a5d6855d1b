using System.Globalization;
using Grants.Contracts;

namespace Grants.Portal.Pages;

/// <summary>Amounts and dates as the reader's culture writes them; deadlines in the call's own time zone.</summary>
public static class Format
{
    public static string Amount(Money? money) =>
        money is null ? "" : $"{money.Amount.ToString("N2", CultureInfo.CurrentCulture)} {money.Currency}";

    public static string Amount(decimal amount, string currency) => Amount(new Money(amount, currency));

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    public static string Date(DateTimeOffset? instant) => instant is { } i ? DateOnly.FromDateTime(Brussels(i).DateTime).ToString("d", CultureInfo.CurrentCulture) : "";

    public static string Instant(DateTimeOffset? instant, string timeZone = "Europe/Brussels") => instant is { } i
        ? TimeZoneInfo.ConvertTime(i, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("g", CultureInfo.CurrentCulture) + $" ({timeZone})"
        : "";

    public static string Percent(decimal value) => (value / 100m).ToString("P0", CultureInfo.CurrentCulture);

    private static DateTimeOffset Brussels(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
}

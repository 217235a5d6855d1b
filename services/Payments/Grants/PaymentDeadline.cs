namespace Grants.Payments.Grants;

/// <summary>Payment deadlines are calendar days in the call's time zone (Europe/Brussels), not 24-hour periods.</summary>
public static class PaymentDeadline
{
    public static DateOnly PayBy(DateTimeOffset from, string timeZone, int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone(timeZone)).DateTime).AddDays(days);

    /// <summary>The first instant after the pay-by day, where the tranche becomes late.</summary>
    public static DateTimeOffset LateFrom(DateOnly payBy, string timeZone)
    {
        var midnight = payBy.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone(timeZone).GetUtcOffset(midnight)).ToUniversalTime();
    }

    public static DateOnly Today(DateTimeOffset now, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(timeZone)).DateTime);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}

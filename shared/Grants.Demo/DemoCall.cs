namespace Grants.Demo;

/// <summary>The call as the officer opened it: what the applications must fit, and the day it all happens on in Brussels.</summary>
public sealed record DemoCall(
    Guid Id, string Reference, IReadOnlyList<string> Themes, IReadOnlyList<string> Countries, IReadOnlyList<string> Criteria, DateTimeOffset Deadline, DateOnly Today)
{
    public const string TimeZone = "Europe/Brussels";

    /// <summary>Interim reports every 3 months, the final report due the day the project ends.</summary>
    public const int InterimEveryMonths = 3;

    public static DateOnly TodayIn(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    /// <summary>
    /// Projects that started about four months ago and end today: one interim report (the period that
    /// ended a month ago, due a month later: today) and the final report, due today, so nothing is late
    /// during the demo. The overdue one ended yesterday, with no interim period, so its final report was
    /// due yesterday.
    /// </summary>
    public (DateOnly Start, DateOnly End) ProjectDates(bool overdue)
    {
        if (overdue)
        {
            var yesterday = Today.AddDays(-1);
            return (yesterday.AddMonths(-2), yesterday);
        }

        var start = Today.AddMonths(-InterimEveryMonths - 1).AddDays(1);
        while (start.AddMonths(InterimEveryMonths).AddDays(-1).AddMonths(1) < Today)
        {
            start = start.AddDays(1);
        }

        return (start, Today);
    }
}

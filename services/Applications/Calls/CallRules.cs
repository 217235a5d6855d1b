using Grants.Contracts.Calls;

namespace Grants.Applications.Calls;

/// <summary>Every rule of a call as data (DESIGN 3); recorded on the call's events so a decision can be replayed.</summary>
public sealed record CallRules(
    bool ByInvitationOnly,
    IReadOnlyList<Guid> InvitedOrganisations,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Countries,
    Money Envelope,
    Money MinimumGrant,
    Money MaximumGrant,
    int MaxDurationMonths,
    int MaxApplicationsPerOrganisationPerYear,
    bool OpenGrantBlocksApplication,
    decimal IndirectCostCapPercent,
    IReadOnlyList<Criterion> Criteria,
    decimal OverallThreshold,
    int ReviewersPerApplication,
    PaymentRules Payments,
    ReportPlan ReportPlan,
    DateTimeOffset SubmissionDeadline,
    string TimeZone,
    int ClarificationReplyDays);

public sealed record Criterion(string Name, decimal Weight, int Threshold);

/// <summary>
/// Interim reports every <see cref="InterimEveryMonths"/> from the start while the project runs (0: none),
/// a final report <see cref="FinalMonthsAfterEnd"/> after its end, reminders some days before each,
/// and an external audit with the final report of grants from <see cref="AuditRequiredFrom"/>.
/// </summary>
public sealed record ReportPlan(int InterimEveryMonths, int FinalMonthsAfterEnd, IReadOnlyList<int> ReminderDaysBefore, Money AuditRequiredFrom);

/// <summary>The catalogues and defaults of DESIGN 3; a call may change every default.</summary>
public static class CallDefaults
{
    public const string Currency = "EUR";

    public static IReadOnlyList<string> Themes { get; } =
    [
        "conflict-prevention-and-mediation",
        "women-peace-and-security",
        "protection-of-civilians-and-children-in-armed-conflict",
        "human-rights-rule-of-law-and-fight-against-impunity",
        "mines-small-arms-and-explosive-remnants-of-war",
        "post-conflict-institution-building",
    ];

    public static IReadOnlyList<string> Countries { get; } = ["BI", "CF", "CD", "ML", "NE", "BF", "PS", "UA", "CO"];

    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new("relevance", 0.25m, 3),
        new("effectiveness", 0.25m, 3),
        new("efficiency", 0.2m, 3),
        new("sustainability", 0.15m, 3),
        new("budget-soundness", 0.15m, 3),
    ];

    public static ReportPlan ReportPlan { get; } = new(12, 3, [30, 7], Money.Eur(100_000m));

    public const string TimeZone = "Europe/Brussels";
}

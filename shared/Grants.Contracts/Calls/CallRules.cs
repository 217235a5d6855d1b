namespace Grants.Contracts.Calls;

/// <summary>Every rule of a call as data (DESIGN 3), recorded when it opens so decisions can be replayed.</summary>
public sealed record CallRules
{
    public required int RulesVersion { get; init; }

    public required bool ByInvitationOnly { get; init; }

    public IReadOnlyList<Guid> InvitedOrganisationIds { get; init; } = [];

    public required IReadOnlyList<string> Themes { get; init; }

    public required IReadOnlyList<string> Countries { get; init; }

    public required Money Envelope { get; init; }

    public required Money MinimumGrant { get; init; }

    public required Money MaximumGrant { get; init; }

    public required int MaxDurationMonths { get; init; }

    public required int MaxApplicationsPerOrganisation { get; init; }

    public required decimal IndirectCostCapPercent { get; init; }

    public required IReadOnlyList<ReviewCriterion> Criteria { get; init; }

    public required decimal OverallThreshold { get; init; }

    public required int ReviewersPerApplication { get; init; }

    /// <summary>Days a reviewer has to return a score sheet once assigned.</summary>
    public int ReviewPeriodDays { get; init; } = 21;

    public required DateTimeOffset SubmissionDeadline { get; init; }

    /// <summary>IANA time zone the deadlines are expressed in, e.g. Europe/Brussels.</summary>
    public required string TimeZone { get; init; }

    /// <summary>How awarded grants are paid; a call opened before this existed gets the defaults of DESIGN 3.</summary>
    public PaymentRules Payments { get; init; } = new();

    /// <summary>An organisation with a grant not yet closed may not apply.</summary>
    public bool OpenGrantBlocksApplication { get; init; } = true;

    /// <summary>
    /// No longer filled: Payments plans the tranches from <see cref="Payments"/> and publishes them on
    /// GrantOpened. Kept so messages already sent still read.
    /// </summary>
    public IReadOnlyList<TrancheShare> TranchePlan { get; init; } = [];

    /// <summary>When reports are due; null when the call did not say.</summary>
    public ReportSchedule? ReportPlan { get; init; }

    /// <summary>Days an NGO has to answer a clarification request.</summary>
    public int ClarificationReplyDays { get; init; } = 10;
}

public sealed record ReviewCriterion(string Name, decimal Weight, int Threshold);

/// <summary>A share of the grant and what makes it due: agreement_signed, interim_report_approved, final_report_approved.</summary>
public sealed record TrancheShare(int Number, decimal Percent, string Condition);

/// <summary>Interim reports every so many months from the start (0: none), the final report some months after the end, reminders some days before each, and an external audit with the final report of grants from <see cref="AuditRequiredFrom"/>.</summary>
public sealed record ReportSchedule(int InterimEveryMonths, int FinalMonthsAfterEnd, IReadOnlyList<int> ReminderDaysBefore, Money AuditRequiredFrom);

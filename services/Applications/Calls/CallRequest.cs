using System.Globalization;
using Grants.Contracts.Calls;

namespace Grants.Applications.Calls;

/// <summary>A draft call as the officer sends it; every rule left out takes the default of DESIGN 3.</summary>
public sealed record CallRequest(
    string? Reference,
    string? Title,
    DateTime? SubmissionDeadline,
    string? TimeZone,
    decimal? Envelope,
    decimal? MinimumGrant,
    decimal? MaximumGrant,
    string? Currency,
    bool? ByInvitationOnly,
    IReadOnlyList<Guid>? InvitedOrganisations,
    IReadOnlyList<string>? Themes,
    IReadOnlyList<string>? Countries,
    int? MaxDurationMonths,
    int? MaxApplicationsPerOrganisationPerYear,
    bool? OpenGrantBlocksApplication,
    decimal? IndirectCostCapPercent,
    IReadOnlyList<Criterion>? Criteria,
    decimal? OverallThreshold,
    int? ReviewersPerApplication,
    PaymentRules? Payments,
    ReportPlanRequest? ReportPlan,
    int? ClarificationReplyDays)
{
    public const int MaxText = 300;

    /// <summary>Checks every field at once and builds the rules; a 400 lists whatever is wrong.</summary>
    public CallRules ToRules()
    {
        var v = new Validation()
            .Required(nameof(Reference), Reference).MaxLength(nameof(Reference), Reference, 50)
            .Required(nameof(Title), Title).MaxLength(nameof(Title), Title, MaxText)
            .Required(nameof(SubmissionDeadline), SubmissionDeadline)
            .Required(nameof(Envelope), Envelope)
            .Range(nameof(Envelope), Envelope, 1m, 10_000_000_000m)
            .Range(nameof(MinimumGrant), MinimumGrant, 0m, 10_000_000_000m)
            .Range(nameof(MaximumGrant), MaximumGrant, 1m, 10_000_000_000m)
            .Range(nameof(MaxDurationMonths), MaxDurationMonths, 1, 120)
            .Range(nameof(MaxApplicationsPerOrganisationPerYear), MaxApplicationsPerOrganisationPerYear, 1, 100)
            .Range(nameof(IndirectCostCapPercent), IndirectCostCapPercent, 0m, 100m)
            .Range(nameof(OverallThreshold), OverallThreshold, 0m, 5m)
            .Range(nameof(ReviewersPerApplication), ReviewersPerApplication, 2, 10)
            .Range(nameof(ClarificationReplyDays), ClarificationReplyDays, 1, 90);
        var currency = Currency ?? CallDefaults.Currency;
        v.Must(Currencies.IsCode(currency), nameof(Currency), "must be an ISO 4217 code such as EUR.");
        var zone = TimeZone ?? CallDefaults.TimeZone;
        var timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : null;
        v.Must(timeZone is not null, nameof(TimeZone), "must be an IANA time zone such as Europe/Brussels.");
        var themes = Themes ?? CallDefaults.Themes;
        v.Must(themes.Count > 0, nameof(Themes), "must name at least one theme.");
        foreach (var theme in themes.Where(t => !CallDefaults.Themes.Contains(t)))
        {
            v.Must(false, nameof(Themes), $"'{theme}' is not a theme of the programme ({string.Join(", ", CallDefaults.Themes)}).");
        }

        var countries = Countries ?? CallDefaults.Countries;
        v.Must(countries.Count > 0, nameof(Countries), "must name at least one country.");
        foreach (var country in countries.Where(c => !CountryCodes.IsKnown(c)))
        {
            v.Must(false, nameof(Countries), $"'{country}' is not an ISO 3166 alpha-2 country code.");
        }

        var minimum = MinimumGrant ?? 0m;
        var maximum = MaximumGrant ?? Envelope ?? 0m;
        v.Must(minimum <= maximum, nameof(MinimumGrant), "must not exceed the maximum grant.");
        v.Must(Envelope is null || maximum <= Envelope, nameof(MaximumGrant), "must not exceed the envelope.");
        var invited = InvitedOrganisations ?? [];
        v.Must(!(ByInvitationOnly ?? false) || invited.Count > 0, nameof(InvitedOrganisations), "must name the invited organisations of a call by invitation.");
        var criteria = Criteria ?? CallDefaults.Criteria;
        ValidateCriteria(v, criteria);
        var payments = Payments ?? new PaymentRules();
        ValidatePayments(v, payments);
        var reports = ReportPlan?.ToPlan(v, currency) ?? CallDefaults.ReportPlan with { AuditRequiredFrom = new Money(100_000m, currency) };
        v.ThrowIfInvalid();

        var deadline = new DateTimeOffset(
            DateTime.SpecifyKind(SubmissionDeadline!.Value, DateTimeKind.Unspecified),
            timeZone!.GetUtcOffset(DateTime.SpecifyKind(SubmissionDeadline.Value, DateTimeKind.Unspecified))).ToUniversalTime();
        return new CallRules(
            ByInvitationOnly ?? false,
            invited,
            [.. themes.Distinct(StringComparer.Ordinal)],
            [.. countries.Distinct(StringComparer.Ordinal)],
            new Money(Envelope!.Value, currency),
            new Money(minimum, currency),
            new Money(maximum, currency),
            MaxDurationMonths ?? 24,
            MaxApplicationsPerOrganisationPerYear ?? 2,
            OpenGrantBlocksApplication ?? true,
            IndirectCostCapPercent ?? 7m,
            criteria,
            OverallThreshold ?? 3m,
            ReviewersPerApplication ?? 3,
            payments,
            reports,
            deadline,
            zone,
            ClarificationReplyDays ?? 10);
    }

    private static void ValidateCriteria(Validation v, IReadOnlyList<Criterion> criteria)
    {
        v.Must(criteria.Count > 0, nameof(Criteria), "must list at least one review criterion.");
        v.Must(criteria.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() == criteria.Count, nameof(Criteria), "must not name a criterion twice.");
        foreach (var (c, i) in criteria.Select((c, i) => (c, i)))
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{nameof(Criteria)}[{i}]");
            v.Required($"{at}.Name", c.Name).Range($"{at}.Weight", c.Weight, 0.01m, 100m).Range($"{at}.Threshold", c.Threshold, 1, 5);
        }
    }

    /// <summary>The ledger in Payments plans and pays the tranches by these rules; they are checked here, where the officer sets them.</summary>
    private static void ValidatePayments(Validation v, PaymentRules p) => v
        .Range("Payments.PreFinancingPercent", p.PreFinancingPercent, 1m, 100m)
        .Range("Payments.PaymentDeadlineDays", p.PaymentDeadlineDays, 1, 365)
        .Range("Payments.InstalmentsAboveMonths", p.InstalmentsAboveMonths, 1, 120)
        .Range("Payments.InstalmentsAboveAmount", p.InstalmentsAboveAmount, 0m, 10_000_000_000m)
        .Range("Payments.MinimumUsagePercent", p.MinimumUsagePercent, 0m, 100m)
        .Range("Payments.PreFinancingCapPercent", p.PreFinancingCapPercent, 1m, 100m)
        .Must(p.PreFinancingCapPercent >= p.PreFinancingPercent, "Payments.PreFinancingCapPercent", "must not be below the pre-financing percent.");
}

public sealed record ReportPlanRequest(int? InterimEveryMonths, int? FinalMonthsAfterEnd, IReadOnlyList<int>? ReminderDaysBefore, decimal? AuditRequiredFrom)
{
    public ReportPlan ToPlan(Validation v, string currency)
    {
        var defaults = CallDefaults.ReportPlan;
        var reminders = ReminderDaysBefore ?? defaults.ReminderDaysBefore;
        v.Range("ReportPlan.InterimEveryMonths", InterimEveryMonths, 0, 60)
            .Range("ReportPlan.FinalMonthsAfterEnd", FinalMonthsAfterEnd, 0, 12)
            .Range("ReportPlan.AuditRequiredFrom", AuditRequiredFrom, 0m, 10_000_000_000m)
            .Must(reminders.All(d => d is >= 1 and <= 365), "ReportPlan.ReminderDaysBefore", "must be days between 1 and 365.");
        return new ReportPlan(
            InterimEveryMonths ?? defaults.InterimEveryMonths,
            FinalMonthsAfterEnd ?? defaults.FinalMonthsAfterEnd,
            [.. reminders.Distinct().OrderDescending()],
            new Money(AuditRequiredFrom ?? defaults.AuditRequiredFrom.Amount, currency));
    }
}

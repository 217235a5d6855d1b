using Grants.Applications.Calls;

namespace Grants.Applications.Applications;

/// <summary>What the decider is told about the world at submission: the call, and the organisation's other applications and grants.</summary>
public sealed record SubmissionFacts(Call Call, int OtherApplicationsThisYear, bool HasOpenGrant);

/// <summary>Every admissibility and eligibility rule of the call (DESIGN 3), each violation with its own code.</summary>
public static class EligibilityRules
{
    public static IReadOnlyList<Violation> Check(Application application, SubmissionFacts facts, DateTimeOffset now)
    {
        var violations = new List<Violation>();
        var call = facts.Call;
        var rules = call.Rules!;
        var content = application.Content!;

        void Add(bool broken, string code, string field, string message)
        {
            if (broken)
            {
                violations.Add(new Violation(code, field, message));
            }
        }

        Add(now > rules.SubmissionDeadline, "application.deadline_passed", "call",
            $"The call's deadline ({rules.SubmissionDeadline:u}, {rules.TimeZone}) has passed.");
        Add(now <= rules.SubmissionDeadline && call.Status != CallStatus.Open, "application.call_not_open", "call", "The call is not open for submissions.");
        Add(rules.ByInvitationOnly && !rules.InvitedOrganisations.Contains(application.OrganisationId), "application.not_invited", "organisation",
            "The call is by invitation and this organisation was not invited.");
        Add(facts.OtherApplicationsThisYear >= rules.MaxApplicationsPerOrganisationPerYear, "application.too_many_applications", "organisation",
            $"An organisation may submit at most {rules.MaxApplicationsPerOrganisationPerYear} applications per call year.");
        Add(rules.OpenGrantBlocksApplication && facts.HasOpenGrant, "application.open_grant", "organisation",
            "The organisation has a grant that is not closed yet.");

        Add(string.IsNullOrWhiteSpace(content.Summary), "application.incomplete", "summary", "A summary is required.");
        Add(content.Theme is null, "application.incomplete", "theme", "A theme is required.");
        Add(content.Theme is { } theme && !rules.Themes.Contains(theme), "application.theme_not_on_call", "theme", "The theme is not one of the call's.");
        Add(content.Countries.Count == 0, "application.incomplete", "countries", "At least one country is required.");
        foreach (var country in content.Countries.Where(c => !rules.Countries.Contains(c)))
        {
            Add(true, "application.country_not_on_call", "countries", $"{country} is not a country of the call.");
        }

        CheckDates(content, rules, Add);
        CheckLogframe(content, Add);
        CheckBudget(content, rules, Add);
        return violations;
    }

    private static void CheckDates(ApplicationContent content, CallRules rules, Action<bool, string, string, string> add)
    {
        add(content.StartDate is null, "application.incomplete", "startDate", "A start date is required.");
        add(content.EndDate is null, "application.incomplete", "endDate", "An end date is required.");
        add(content.StartDate > content.EndDate, "application.end_before_start", "endDate", "The project ends before it starts.");
        add(content.DurationMonths > rules.MaxDurationMonths, "application.too_long", "endDate",
            $"The project may last at most {rules.MaxDurationMonths} months; it lasts {content.DurationMonths}.");
    }

    private static void CheckLogframe(ApplicationContent content, Action<bool, string, string, string> add)
    {
        add(content.Objectives.Count == 0, "application.incomplete", "objectives", "At least one objective is required.");
        add(content.Objectives.Any(o => o.Results.Count == 0), "application.incomplete", "objectives", "Every objective needs at least one expected result.");
        add(content.Objectives.SelectMany(o => o.Results).Any(r => r.Indicators.Count == 0), "application.incomplete", "objectives",
            "Every expected result needs at least one indicator.");
    }

    private static void CheckBudget(ApplicationContent content, CallRules rules, Action<bool, string, string, string> add)
    {
        add(content.Budget.Count == 0, "application.incomplete", "budget", "A budget is required.");
        add(content.Currency != rules.Envelope.Currency, "application.currency_mismatch", "budget", $"The budget must be in {rules.Envelope.Currency}.");
        add(content.Budget.Count > 0 && content.RequestedAmount < rules.MinimumGrant.Amount, "application.amount_below_minimum", "budget",
            $"The requested amount {content.RequestedAmount} is below the call's minimum of {rules.MinimumGrant.Amount}.");
        add(content.RequestedAmount > rules.MaximumGrant.Amount, "application.amount_above_maximum", "budget",
            $"The requested amount {content.RequestedAmount} is above the call's maximum of {rules.MaximumGrant.Amount}.");
        add(content.IndirectCosts > content.DirectCosts * rules.IndirectCostCapPercent / 100m, "application.indirect_costs_over_cap", "budget",
            $"Indirect costs may be at most {rules.IndirectCostCapPercent}% of direct costs.");
    }
}

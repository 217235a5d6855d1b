using Grants.Contracts.Calls;
using Grants.Contracts.Ledger;

namespace Grants.Payments.Grants;

/// <summary>The tranches a grant is paid in, from the call's <see cref="PaymentRules"/> (their summary says how).</summary>
public static class TranchePlan
{
    public const string AgreementSigned = "agreement_signed";
    public const string InterimReport = "interim_report_approved";
    public const string FinalReport = "final_report_approved";

    public static IReadOnlyList<PlannedTranche> For(Money amount, DateOnly start, DateOnly end, PaymentRules rules)
    {
        var months = DurationInMonths(start, end);
        var preFinancing = months > rules.InstalmentsAboveMonths || amount.Amount > rules.InstalmentsAboveAmount
            ? Instalments(amount.Amount, months, rules)
            : [Cents.Percent(amount.Amount, rules.PreFinancingPercent)];
        var plan = preFinancing
            .Select((share, i) => new PlannedTranche(i + 1, amount with { Amount = share }, i == 0 ? AgreementSigned : InterimReport))
            .ToList();
        plan.Add(new PlannedTranche(plan.Count + 1, amount with { Amount = amount.Amount - preFinancing.Sum() }, FinalReport));
        return plan;
    }

    /// <summary>Calendar months from start to end inclusive; a started month counts (1 Jan to 31 Dec is 12).</summary>
    public static int DurationInMonths(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var months = ((after.Year - start.Year) * 12) + after.Month - start.Month;
        return Math.Max(1, after.Day > start.Day ? months + 1 : months);
    }

    // Each year's share of the amount, by months (two halves for a year or less); shares come from
    // rounding the running total, so they add up to the amount exactly; then the cap trims the last.
    private static List<decimal> Instalments(decimal amount, int months, PaymentRules rules)
    {
        var periods = months <= 12 ? [months / 2m, months - (months / 2m)] : Years(months);
        var cap = Cents.Percent(amount, rules.PreFinancingCapPercent);
        var shares = new List<decimal>();
        decimal elapsed = 0m, previous = 0m, total = 0m;
        foreach (var period in periods)
        {
            elapsed += period;
            var running = Cents.Round(amount * elapsed / months);
            var share = Math.Min(running - previous, cap - total);
            previous = running;
            if (share > 0m)
            {
                shares.Add(share);
                total += share;
            }
        }

        return shares;
    }

    private static List<decimal> Years(int months) =>
        [.. Enumerable.Range(0, (months + 11) / 12).Select(year => (decimal)Math.Min(12, months - (year * 12)))];
}

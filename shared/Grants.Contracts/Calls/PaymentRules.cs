namespace Grants.Contracts.Calls;

/// <summary>
/// How a call's grants are paid (DESIGN 3), as data on the call so a replay reaches the same tranches.
/// A short grant gets <see cref="PreFinancingPercent"/> when the agreement is signed and the balance
/// after the final report. A long one (over <see cref="InstalmentsAboveMonths"/> months or over
/// <see cref="InstalmentsAboveAmount"/>) gets a pre-financing tranche per year (two halves for a
/// year or less), each the year's share of the amount, the later ones after an approved interim
/// report, together at most <see cref="PreFinancingCapPercent"/>; a tranche is paid in full only
/// when at least <see cref="MinimumUsagePercent"/> of the previous one was used, otherwise it is
/// reduced by the unused part.
/// </summary>
public sealed record PaymentRules
{
    public decimal PreFinancingPercent { get; init; } = 80m;

    /// <summary>Days from the countersigned agreement, or the final report's approval, to pay.</summary>
    public int PaymentDeadlineDays { get; init; } = 45;

    public int InstalmentsAboveMonths { get; init; } = 12;

    /// <summary>In the call's currency.</summary>
    public decimal InstalmentsAboveAmount { get; init; } = 100_000m;

    public decimal MinimumUsagePercent { get; init; } = 70m;

    public decimal PreFinancingCapPercent { get; init; } = 90m;
}

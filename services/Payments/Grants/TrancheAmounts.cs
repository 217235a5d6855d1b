using System.Globalization;
using Grants.Contracts.Calls;

namespace Grants.Payments.Grants;

/// <summary>The arithmetic of DESIGN 3 for the tranches after the first: the usage rule, the cap, the balance.</summary>
public static class TrancheAmounts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The next pre-financing tranche: in full when at least the minimum share of the previous one
    /// was used, otherwise less the unused part; never taking pre-financing above the cap.
    /// </summary>
    /// <param name="alreadyDue">Pre-financing made due so far (paid or not), withheld tranches excluded.</param>
    public static (decimal Amount, string Basis) Next(
        decimal planned, decimal previous, decimal used, decimal alreadyDue, decimal grant, PaymentRules rules)
    {
        var minimum = Cents.Percent(previous, rules.MinimumUsagePercent);
        var unused = Math.Max(0m, previous - used);
        var amount = used >= minimum ? planned : Math.Max(0m, planned - unused);
        var basis = used >= minimum
            ? string.Format(Inv, "planned {0:0.00}; {1:0.00} of the previous {2:0.00} used (at least {3}%): in full", planned, used, previous, rules.MinimumUsagePercent)
            : string.Format(Inv, "planned {0:0.00}; only {1:0.00} of the previous {2:0.00} used (under {3}%): reduced by the unused {4:0.00}", planned, used, previous, rules.MinimumUsagePercent, unused);
        var room = Math.Max(0m, Cents.Percent(grant, rules.PreFinancingCapPercent) - alreadyDue);
        if (amount > room)
        {
            basis += string.Format(Inv, "; capped at {0:0.00} so pre-financing stays within {1}% of {2:0.00}", room, rules.PreFinancingCapPercent, grant);
            amount = room;
        }

        return (amount, basis);
    }

    /// <summary>
    /// What the final report leaves: eligible spending (never more than the grant) less the
    /// pre-financing paid out. Negative means the grantee owes the difference back.
    /// </summary>
    public static (decimal Balance, string Basis) Balance(decimal eligibleSpending, decimal disbursed, decimal grant)
    {
        var eligible = Math.Min(eligibleSpending, grant);
        var balance = eligible - disbursed;
        var basis = string.Format(
            Inv,
            "eligible spending {0:0.00}{1} less pre-financing paid {2:0.00}: {3}",
            eligible,
            eligibleSpending > grant ? string.Format(Inv, " (of {0:0.00} declared, limited to the grant)", eligibleSpending) : "",
            disbursed,
            balance switch
            {
                > 0m => string.Format(Inv, "balance {0:0.00} to pay", balance),
                0m => "nothing left to pay",
                _ => string.Format(Inv, "{0:0.00} to recover", -balance),
            });
        return (balance, basis);
    }
}

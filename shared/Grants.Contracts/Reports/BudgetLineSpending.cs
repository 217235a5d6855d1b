namespace Grants.Contracts.Reports;

/// <summary>One line of a financial statement: what the approved budget allowed and what was spent.</summary>
public sealed record BudgetLineSpending(string Line, Money Budgeted, Money Spent);

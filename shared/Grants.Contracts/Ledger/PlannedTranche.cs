namespace Grants.Contracts.Ledger;

/// <summary>One planned tranche; <see cref="Condition"/> says what makes it due (agreement signed, interim report approved, final report approved).</summary>
public sealed record PlannedTranche(int Number, Money Amount, string Condition);

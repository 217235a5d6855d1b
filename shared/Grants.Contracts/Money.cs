namespace Grants.Contracts;

/// <summary>An amount with its ISO 4217 currency; never a floating point number.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static Money Eur(decimal amount) => new(amount, "EUR");
}

namespace Grants.Payments.Grants;

/// <summary>Money is rounded to the cent once, where a percentage or a share is taken, half away from zero.</summary>
public static class Cents
{
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Percent(decimal amount, decimal percent) => Round(amount * percent / 100m);
}

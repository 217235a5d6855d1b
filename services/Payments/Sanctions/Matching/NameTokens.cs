namespace Grants.Payments.Sanctions.Matching;

/// <summary>A name normalised once for many comparisons: its canonical words, their letters joined up, and its weight (letter count).</summary>
public sealed class NameTokens
{
    public NameTokens(string name)
    {
        Name = name;
        Tokens = [.. NameNormaliser.Tokens(name)];
        Joined = string.Concat(Tokens);
        Weight = Joined.Length;
    }

    public string Name { get; }

    public string[] Tokens { get; }

    public string Joined { get; }

    public int Weight { get; }
}

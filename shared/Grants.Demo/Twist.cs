namespace Grants.Demo;

/// <summary>What happens to one application of the thirty beyond the ordinary path.</summary>
public enum Twist
{
    None,

    /// <summary>The officer finds it ineligible after all (the automatic check at submission passed).</summary>
    Ineligible,

    /// <summary>The officer asks the NGO to clarify an obvious clerical point before deciding.</summary>
    Clarification,

    /// <summary>The reviewers score it below the thresholds: rejected.</summary>
    LowScores,

    /// <summary>Two reviewers are 2 points apart on a criterion: an officer records the consensus.</summary>
    Divergent,

    /// <summary>The project ended yesterday and its final report was due then: overdue, which blocks the payment.</summary>
    OverdueReport,

    /// <summary>The final report shows less spending than the pre-financing: a recovery order closes the grant.</summary>
    Recovery,
}

public static class Twists
{
    /// <summary>Thirty applications, two per NGO; application 13 is the second of the NGO with the sanctioned alias.</summary>
    public static Twist For(int index) => index switch
    {
        5 or 12 or 21 => Twist.Ineligible,
        8 => Twist.Clarification,
        2 or 7 or 10 or 16 or 19 or 23 or 26 or 29 => Twist.LowScores,
        14 => Twist.Divergent,
        3 => Twist.OverdueReport,
        1 => Twist.Recovery,
        _ => Twist.None,
    };
}

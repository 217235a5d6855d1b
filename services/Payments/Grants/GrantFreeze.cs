namespace Grants.Payments.Grants;

/// <summary>A confirmed sanctions hit freezes the grant: every pending tranche is blocked and nothing more is signed or batched.</summary>
public static partial class GrantDecider
{
    public const string FrozenCode = "grant_frozen";
    public const string FrozenReasonPrefix = "sanctions_confirmed: ";

    /// <summary>A closed grant has nothing left to pay, and a frozen one stays frozen by its first hit: both change nothing.</summary>
    private static IReadOnlyList<object> Freeze(Grant state, FreezeGrant c)
    {
        if (state.Terms is null || state.Status == GrantStatus.Closed || state.FrozenReason is not null)
        {
            return [];
        }

        var frozen = new GrantFrozen(state.ApplicationId, state.OrganisationId, c.HitId, FrozenReasonPrefix + c.Finding, c.By, c.Now);
        var after = Grant.Evolve(state, frozen);
        return [frozen, .. after.Tranches.Where(t => t.IsPending).Select(t => BlockedByFreeze(after, t))];
    }

    private static void NotFrozen(Grant state)
    {
        if (state.FrozenReason is { } reason)
        {
            throw new DomainException("grant.frozen", $"The grant is frozen ({reason}); no payment can be signed or exported.", DomainErrorKind.Conflict);
        }
    }

    private static TrancheBlocked BlockedByFreeze(Grant state, Tranche tranche) =>
        new(state.ApplicationId, tranche.Number, FrozenCode, state.FrozenReason!, []);
}

using Grants.Hosting.Security;
using Grants.Payments.Ledger;
using Grants.Payments.Sanctions;
using Grants.Payments.Sanctions.Screening;

namespace Grants.Payments.Grants;

/// <summary>A confirmed sanctions hit freezes every grant of the organisation not yet closed.</summary>
public sealed class FreezeOnConfirmedHit(LedgerQueries ledger) : IHitEscalation
{
    public async Task Escalate(EventSession session, SanctionsHitConfirmed confirmed, CancellationToken cancellationToken)
    {
        var freeze = new FreezeGrant(
            confirmed.HitId, Finding(confirmed.ScreenedName, confirmed.Source, confirmed.Reference), new Actor(confirmed.DecidedBy, GrantsRoles.Finance),
            confirmed.DecidedAt);
        foreach (var grantId in await ledger.Unclosed(confirmed.OrganisationId, cancellationToken))
        {
            var grant = await session.FetchForWriting<Grant>(grantId, cancellationToken);
            session.Write(grantId, GrantStream.Type, grant.Version, GrantDecider.Decide(freeze, grant.State));
        }
    }

    public static string Finding(string screenedName, string source, string reference) => $"'{screenedName}' is {source} entry {reference}";
}

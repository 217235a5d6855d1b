using System.Globalization;
using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Screening;

public abstract record ScreeningCommand(Guid OrganisationId, DateTimeOffset Now);

/// <param name="AsOf">When the organisation's names were so (the message's OccurredAt): an older message arriving late changes nothing.</param>
public sealed record RecordOrganisation(Guid OrganisationId, string LegalName, string? AccountHolder, DateTimeOffset AsOf, DateTimeOffset Now)
    : ScreeningCommand(OrganisationId, Now);

public sealed record RecordPartners(Guid OrganisationId, Guid ApplicationId, IReadOnlyList<string> Partners, DateTimeOffset Now)
    : ScreeningCommand(OrganisationId, Now);

/// <summary>The matches the current lists gave for the subject's names; the decider turns them into hits with their status.</summary>
public sealed record RecordScreening(Guid OrganisationId, string Trigger, IReadOnlyList<string> ListVersions, IReadOnlyList<ListMatch> Matches, DateTimeOffset Now)
    : ScreeningCommand(OrganisationId, Now);

public sealed record ListMatch(
    string ScreenedName, string Source, string EntryId, string Reference, string EntryFingerprint, string ListedName, double Score);

public sealed record DecideHit(Guid OrganisationId, Guid HitId, bool Confirmed, string Justification, string DecidedBy, DateTimeOffset Now)
    : ScreeningCommand(OrganisationId, Now);

public static class ScreeningDecider
{
    public const int MinJustificationLength = 10;

    public static IReadOnlyList<object> Decide(ScreeningCommand command, ScreeningSubject state) => command switch
    {
        RecordOrganisation c => (state.LegalName == c.LegalName.Trim() && state.AccountHolder == c.AccountHolder?.Trim())
            || (state.NamesAsOf is { } known && c.AsOf < known)
            ? []
            : [new ScreeningSubjectRecorded(c.OrganisationId, c.LegalName.Trim(), c.AccountHolder?.Trim(), c.Now) { AsOf = c.AsOf }],
        RecordPartners c => Partners(c, state),
        RecordScreening c => [Screen(c, state)],
        DecideHit c => Decide(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a screening command."),
    };

    /// <summary>The hit id names the organisation, the screened name and one version of one entry: a changed entry is a new hit.</summary>
    public static Guid HitId(Guid organisationId, string screenedName, string source, string entryId, string entryFingerprint) =>
        DerivedId.From("sanctions-hit", organisationId.ToString(), Key(screenedName), source, entryId, entryFingerprint);

    private static IReadOnlyList<object> Partners(RecordPartners c, ScreeningSubject state)
    {
        var partners = c.Partners.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return state.PartnersByApplication.TryGetValue(c.ApplicationId, out var known) && known.SequenceEqual(partners)
            ? []
            : [new PartnersRecorded(c.OrganisationId, c.ApplicationId, partners, c.Now)];
    }

    private static OrganisationScreened Screen(RecordScreening c, ScreeningSubject state)
    {
        if (!state.Known)
        {
            throw new DomainException("sanctions.organisation_unknown", $"Organisation {c.OrganisationId} has not been registered for screening.", DomainErrorKind.NotFound);
        }

        var names = state.Names;
        var hits = c.Matches
            .Select(m =>
            {
                var id = HitId(c.OrganisationId, m.ScreenedName, m.Source, m.EntryId, m.EntryFingerprint);
                var role = names.FirstOrDefault(n => Key(n.Name) == Key(m.ScreenedName))?.Role ?? NameRoles.Partner;
                var status = state.Decisions.TryGetValue(id, out var decided) ? decided : HitStatus.Undecided;
                return new ScreeningHit(id, m.ScreenedName, role, m.Source, m.EntryId, m.Reference, m.EntryFingerprint, m.ListedName, Math.Round(m.Score, 4), status);
            })
            .DistinctBy(h => h.HitId)
            .ToList();
        var blocked = hits.Exists(h => h.Status != HitStatus.FalsePositive)
            || state.Decisions.ContainsValue(HitStatus.Confirmed)
            || c.ListVersions.Count == 0;
        return new OrganisationScreened(c.OrganisationId, c.Trigger, c.ListVersions, names, hits, !blocked, c.Now);
    }

    private static IReadOnlyList<object> Decide(DecideHit c, ScreeningSubject state)
    {
        var hit = state.Hits.Find(h => h.HitId == c.HitId)
            ?? throw new DomainException("sanctions.hit_not_found", $"No hit {c.HitId} in the last screening of organisation {c.OrganisationId}.", DomainErrorKind.NotFound);
        if (c.Justification.Trim().Length < MinJustificationLength)
        {
            throw new DomainException(
                "sanctions.justification_required",
                string.Create(CultureInfo.InvariantCulture, $"A decision on a sanctions hit needs a justification of at least {MinJustificationLength} characters."));
        }

        return (hit.Status, c.Confirmed) switch
        {
            (HitStatus.Confirmed, _) when !c.Confirmed => throw new DomainException(
                "sanctions.hit_already_confirmed", "A confirmed hit cannot be dismissed; the escalation stands.", DomainErrorKind.Conflict),
            (HitStatus.Confirmed, true) or (HitStatus.FalsePositive, false) => [],
            (_, true) => [new SanctionsHitConfirmed(c.OrganisationId, hit.HitId, hit.ScreenedName, hit.Source, hit.EntryId, hit.Reference, c.Justification.Trim(), c.DecidedBy, c.Now)],
            (_, false) => [new SanctionsHitDismissed(c.OrganisationId, hit.HitId, hit.ScreenedName, hit.Source, hit.EntryId, hit.EntryFingerprint, c.Justification.Trim(), c.DecidedBy, c.Now)],
        };
    }

    private static string Key(string name) => string.Join(' ', Matching.NameNormaliser.Words(name));
}

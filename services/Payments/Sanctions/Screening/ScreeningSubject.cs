using System.Collections.Immutable;
using Grants.EventSourcing;

namespace Grants.Payments.Sanctions.Screening;

/// <summary>
/// An organisation as screening sees it: the names to screen, the last screening's hits and the
/// decisions taken on hits, which outlive screenings (a hit id names one name and one version of one
/// list entry, so a decision applies again exactly when the same hit comes back).
/// </summary>
public sealed record ScreeningSubject(
    Guid OrganisationId,
    string? LegalName,
    string? AccountHolder,
    ImmutableDictionary<Guid, IReadOnlyList<string>> PartnersByApplication,
    IReadOnlyList<string> ListVersions,
    ImmutableList<ScreeningHit> Hits,
    ImmutableDictionary<Guid, string> Decisions) : IEventSourced<ScreeningSubject>
{
    public const string StreamType = "sanctions-subject";

    public static ScreeningSubject Initial { get; } =
        new(Guid.Empty, null, null, ImmutableDictionary<Guid, IReadOnlyList<string>>.Empty, [], [], ImmutableDictionary<Guid, string>.Empty);

    /// <summary>Not the organisation id itself: other slices of the service keep streams of their own per organisation.</summary>
    public static Guid StreamId(Guid organisationId) => DerivedId.From("sanctions-subject", organisationId.ToString());

    public bool Known => LegalName is not null;

    public bool Screened => ListVersions.Count > 0;

    /// <summary>Undecided hits of the last screening, and confirmed hits whatever screenings found since.</summary>
    public IEnumerable<ScreeningHit> BlockingHits =>
        Hits.Where(h => h.Status != HitStatus.FalsePositive)
            .Concat(ConfirmedHits.Where(c => Hits.All(h => h.HitId != c.HitId)));

    public ImmutableList<ScreeningHit> ConfirmedHits { get; init; } = [];

    /// <summary>Who confirmed each confirmed hit, and when.</summary>
    public ImmutableDictionary<Guid, HitConfirmation> Confirmations { get; init; } = ImmutableDictionary<Guid, HitConfirmation>.Empty;

    public DateTimeOffset? NamesAsOf { get; init; }

    /// <summary>Every name screened, each once with the first role it has.</summary>
    public IReadOnlyList<ScreenedName> Names
    {
        get
        {
            var names = new List<ScreenedName>();
            void Add(string? name, string role)
            {
                if (!string.IsNullOrWhiteSpace(name) && names.TrueForAll(n => !string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    names.Add(new ScreenedName(name.Trim(), role));
                }
            }

            Add(LegalName, NameRoles.Organisation);
            Add(AccountHolder, NameRoles.AccountHolder);
            foreach (var partner in PartnersByApplication.OrderBy(p => p.Key).SelectMany(p => p.Value))
            {
                Add(partner, NameRoles.Partner);
            }

            return names;
        }
    }

    public static ScreeningSubject Evolve(ScreeningSubject state, object @event) => @event switch
    {
        ScreeningSubjectRecorded e => state with { OrganisationId = e.OrganisationId, LegalName = e.LegalName, AccountHolder = e.AccountHolder, NamesAsOf = e.AsOf },
        PartnersRecorded e => state with { OrganisationId = e.OrganisationId, PartnersByApplication = state.PartnersByApplication.SetItem(e.ApplicationId, e.Partners) },
        OrganisationScreened e => state with { ListVersions = e.ListVersions, Hits = [.. e.Hits] },
        SanctionsHitDismissed e => state with
        {
            Decisions = state.Decisions.SetItem(e.HitId, HitStatus.FalsePositive),
            Hits = state.Hits.ConvertAll(h => h.HitId == e.HitId ? h with { Status = HitStatus.FalsePositive } : h),
        },
        SanctionsHitConfirmed e => state with
        {
            Decisions = state.Decisions.SetItem(e.HitId, HitStatus.Confirmed),
            Hits = state.Hits.ConvertAll(h => h.HitId == e.HitId ? h with { Status = HitStatus.Confirmed } : h),
            Confirmations = state.Confirmations.SetItem(e.HitId, new HitConfirmation(e.DecidedBy, e.DecidedAt)),
            ConfirmedHits = state.ConfirmedHits.AddRange(state.Hits.Where(h => h.HitId == e.HitId).Select(h => h with { Status = HitStatus.Confirmed })),
        },
        _ => state,
    };
}

public sealed record HitConfirmation(string By, DateTimeOffset At);

public static class ScreeningVerdicts
{
    /// <summary>Cleared only when the organisation is known, was screened against lists, and no hit is undecided or confirmed.</summary>
    public static ScreeningVerdict Of(ScreeningSubject subject)
    {
        if (!subject.Known)
        {
            return new ScreeningVerdict(false, "sanctions_unscreened: the organisation has not been registered for screening.", []);
        }

        if (!subject.Screened)
        {
            return new ScreeningVerdict(false, "sanctions_unscreened: no sanctions list has been imported yet.", []);
        }

        var blocking = subject.BlockingHits.ToList();
        if (blocking.Count == 0)
        {
            return new ScreeningVerdict(true, null, subject.ListVersions);
        }

        var code = blocking.Exists(h => h.Status == HitStatus.Confirmed) ? "sanctions_confirmed" : "sanctions_hit";
        var hits = string.Join("; ", blocking.Select(h => $"'{h.ScreenedName}' ({h.Role}) matches {h.Source} {h.Reference} '{h.ListedName}' [{h.Status}]"));
        return new ScreeningVerdict(false, $"{code}: {hits}", subject.ListVersions);
    }
}

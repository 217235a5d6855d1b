using Grants.EventSourcing;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>A version of a list was imported: which file (its hash), published when, and by whom from where.</summary>
public sealed record SanctionsListImported(
    string Source,
    string Version,
    string ContentHash,
    DateTimeOffset PublishedAt,
    int EntryCount,
    string Origin,
    string ImportedBy,
    DateTimeOffset ImportedAt);

/// <summary>One list source (UN or EU) and the version of it in force: the last one imported.</summary>
public sealed record SanctionsList(string? Version, string? ContentHash, DateTimeOffset? PublishedAt) : IEventSourced<SanctionsList>
{
    public const string StreamType = "sanctions-list";

    public static SanctionsList Initial { get; } = new(null, null, null);

    public static Guid StreamId(string source) => DerivedId.From("sanctions-list", source);

    public static SanctionsList Evolve(SanctionsList state, object @event) => @event switch
    {
        SanctionsListImported imported => new(imported.Version, imported.ContentHash, imported.PublishedAt),
        _ => state,
    };
}

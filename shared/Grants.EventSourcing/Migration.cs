namespace Grants.EventSourcing;

/// <summary>One numbered change to a service schema; never edited once released, a change is a new number.</summary>
public sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// The migrations of one component that keeps tables in a service schema (the event store, or a
/// part of the service kit), recorded in a history table of its own so each numbers from 1.
/// </summary>
public sealed record MigrationSet(string History, Func<string, IReadOnlyList<Migration>> ForSchema);

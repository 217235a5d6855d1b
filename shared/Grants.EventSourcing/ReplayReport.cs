using System.Text.Json;

namespace Grants.EventSourcing;

/// <summary>
/// What a replay found: the projections rebuilt from the log into <see cref="ReplaySchema"/>, and for
/// every table they wrote, how it compares with the live one. <see cref="Failure"/> says why a replay
/// could not finish (a projection threw); then there is nothing to compare.
/// </summary>
public sealed record ReplayReport(
    string LiveSchema,
    string ReplaySchema,
    long EventsReplayed,
    IReadOnlyList<string> Projections,
    IReadOnlyList<TableComparison> Tables,
    string? Failure = null)
{
    public bool IsIdentical => Failure is null && Tables.All(t => t.IsIdentical);
}

/// <summary>
/// One projection table, live against replayed, compared as multisets of rows. A table that two
/// replays of the same log fill differently is not <see cref="Deterministic"/>: its projection depends
/// on something besides the events (the clock, random ids, a sequence), so it cannot be audited by replay.
/// </summary>
public sealed record TableComparison(
    string Table,
    long LiveRows,
    long ReplayRows,
    long OnlyInLive,
    long OnlyInReplay,
    IReadOnlyList<JsonElement> SampleOnlyInLive,
    IReadOnlyList<JsonElement> SampleOnlyInReplay,
    bool Deterministic,
    string? Problem = null)
{
    public bool IsIdentical => Problem is null && Deterministic && OnlyInLive == 0 && OnlyInReplay == 0;
}

/// <summary>The replay schema is missing and this database role may not create it.</summary>
public sealed class ReplaySchemaUnavailableException(string schema, Exception inner)
    : EventStoreException(
        "replay.schema_unavailable",
        $"The replay schema '{schema}' does not exist and this database role may not create it. " +
        $"Create it once, owned by the service's role: CREATE SCHEMA {schema} AUTHORIZATION <service role>.",
        inner);

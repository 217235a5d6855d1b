using Grants.EventSourcing;

namespace Grants.Hosting.Audit;

/// <summary>A stream's state as it was at <see cref="AsOf"/>: the fold of its events up to then, ending at <see cref="Version"/>.</summary>
public sealed record AuditState(string Service, Guid StreamId, string StreamType, DateTimeOffset AsOf, long Version, object State);

public sealed record AuditVerification(
    string Service,
    bool Ok,
    long StreamsChecked,
    long EventsChecked,
    int DigestsChecked,
    IReadOnlyList<AuditDamage> DamagedStreams,
    IReadOnlyList<DigestDamage> DamagedDigests);

/// <summary>The first broken place of one stream; Version is null when the stream's head row itself is wrong.</summary>
public sealed record AuditDamage(Guid StreamId, string? StreamType, long? Version, long? Sequence, string Problem);

/// <summary><see cref="Skipped"/> names inline projections replay must not run because they act (schedule commands) rather than record.</summary>
public sealed record AuditReplay(
    string Service,
    bool Ok,
    string ReplaySchema,
    long EventsReplayed,
    IReadOnlyList<string> Projections,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<TableComparison> Tables,
    string? Failure);

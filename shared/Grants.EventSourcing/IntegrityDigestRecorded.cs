namespace Grants.EventSourcing;

/// <summary>
/// A fingerprint of every stream head at a log position. Recorded daily and exportable, it makes
/// the removal of a stream's last events visible even when the stream's head row was rewritten too.
/// </summary>
public sealed record IntegrityDigestRecorded(
    DateTimeOffset RecordedAt,
    ulong ThroughTransaction,
    long ThroughSequence,
    long StreamCount,
    long EventCount,
    string RootHash);

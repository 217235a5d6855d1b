namespace Grants.EventSourcing;

/// <summary>Position in the global log: transactions are ordered by id, events inside one by sequence.</summary>
public readonly record struct LogPosition(ulong TransactionId, long Sequence) : IComparable<LogPosition>
{
    public static LogPosition Start { get; } = new(0, 0);

    public int CompareTo(LogPosition other) =>
        TransactionId != other.TransactionId
            ? TransactionId.CompareTo(other.TransactionId)
            : Sequence.CompareTo(other.Sequence);

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;
    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;
    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;
    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;
}

public sealed record StoredEvent(
    LogPosition Position,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    object Data,
    DateTimeOffset Timestamp,
    EventMetadata Metadata)
{
    public long Sequence => Position.Sequence;
}

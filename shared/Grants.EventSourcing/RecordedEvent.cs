namespace Grants.EventSourcing;

/// <summary>
/// One event exactly as stored, for people who check the record: the payload is the stored JSON text
/// (readable even when no CLR type is mapped to its type name any more), with its stream's type and hash.
/// </summary>
public sealed record RecordedEvent(
    LogPosition Position,
    Guid Id,
    Guid StreamId,
    string StreamType,
    long Version,
    string Type,
    string Data,
    DateTimeOffset Timestamp,
    EventMetadata Metadata,
    string Hash)
{
    public long Sequence => Position.Sequence;
}

/// <summary>A stream's row: its type, where it stands, when it began and last changed.</summary>
public sealed record StreamInfo(Guid Id, string Type, long Version, DateTimeOffset Created, DateTimeOffset Timestamp);

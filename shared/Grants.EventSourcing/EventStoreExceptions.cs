namespace Grants.EventSourcing;

/// <summary>Base of every error the store raises on purpose; <see cref="Code"/> is stable for clients.</summary>
public abstract class EventStoreException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>Another writer got there first: reload the stream and decide again.</summary>
public class ConcurrencyException(Guid streamId, long expectedVersion, long actualVersion, string? message = null)
    : EventStoreException(
        "stream.concurrency_conflict",
        message ?? $"Stream {streamId} is at version {actualVersion}, not the expected {expectedVersion}.")
{
    public Guid StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}

public sealed class StreamAlreadyExistsException(Guid streamId)
    : ConcurrencyException(streamId, 0, -1, $"Stream {streamId} already exists.");

public sealed class StreamNotFoundException(Guid streamId)
    : EventStoreException("stream.not_found", $"Stream {streamId} does not exist.")
{
    public Guid StreamId { get; } = streamId;
}

public sealed class EventTooLargeException(string eventType, int sizeBytes, int limitBytes)
    : EventStoreException(
        "event.too_large",
        $"Event '{eventType}' is {sizeBytes} bytes serialized; the limit is {limitBytes} bytes.")
{
    public int SizeBytes { get; } = sizeBytes;
    public int LimitBytes { get; } = limitBytes;
}

public sealed class UnknownEventTypeException(string typeName, string detail)
    : EventStoreException("event.unknown_type", $"Event type '{typeName}' is not registered: {detail}")
{
    public string TypeName { get; } = typeName;
}

public sealed class DuplicateMessageException(Guid messageId, string consumer)
    : EventStoreException("message.duplicate", $"Message {messageId} was already processed by '{consumer}'.")
{
    public Guid MessageId { get; } = messageId;
    public string Consumer { get; } = consumer;
}

/// <summary>The database could not be reached or went away; nothing of the operation was committed.</summary>
public sealed class EventStoreUnavailableException(string message, Exception inner)
    : EventStoreException("store.unavailable", message, inner);

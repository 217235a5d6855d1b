namespace Grants.EventSourcing;

internal sealed record PendingEvent(Guid Id, string Type, string Json, object Data);

internal sealed record PendingAppend(Guid StreamId, string? StreamType, long ExpectedVersion, IReadOnlyList<PendingEvent> Events);

using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Sessions written together in one transaction, in the order they were opened; each sees what the
/// sessions before it appended. Lets a consumer commit a run of messages with one round trip and one
/// flush to disk instead of one per message.
/// </summary>
public sealed class SessionGroup(EventStore store)
{
    private readonly List<EventSession> _sessions = [];
    private readonly List<NpgsqlBatchCommand> _also = [];

    public EventSession OpenSession(EventMetadata metadata)
    {
        var session = new EventSession(store, metadata, this);
        _sessions.Add(session);
        return session;
    }

    /// <summary>A statement of the caller's own tables that must commit with the sessions or not at all.</summary>
    public void Also(NpgsqlBatchCommand command) => _also.Add(command);

    public async Task<IReadOnlyList<StoredEvent>> SaveChanges(CancellationToken ct)
    {
        var stored = await SessionWriter.Save(store, _sessions, _also, ct);
        _also.Clear();
        return stored;
    }

    internal IReadOnlyList<PendingEvent> AppendedBefore(EventSession session, Guid streamId) =>
        [.. _sessions.TakeWhile(s => s != session).SelectMany(s => s.Appends).Where(a => a.StreamId == streamId).SelectMany(a => a.Events)];
}

using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventSourcing;

/// <summary>
/// A unit of work: the appends and inbox marks it collects are written together by
/// <see cref="SaveChanges"/>, atomically, or not at all.
/// </summary>
public sealed class EventSession
{
    private readonly EventStore _store;
    private readonly EventMetadata _metadata;
    private readonly SessionGroup? _group;

    private readonly List<PendingAppend> _appends = [];
    private (Guid MessageId, string Consumer)? _inbox;

    internal EventSession(EventStore store, EventMetadata metadata, SessionGroup? group = null)
    {
        _store = store;
        _metadata = metadata;
        _group = group;
    }

    public EventMetadata Metadata => _metadata;

    /// <summary>
    /// Loads the current state and version, to decide on and append with that expected version. In a
    /// group, what the sessions opened before this one appended to the stream counts as already there.
    /// </summary>
    public Task<StreamState<TState>> FetchForWriting<TState>(Guid streamId, CancellationToken ct)
        where TState : IEventSourced<TState> =>
        _group is null
            ? _store.FetchState<TState>(streamId, toVersion: null, asOf: null, mustExist: false, ct)
            : _group.Fetch<TState>(this, streamId, ct);

    public void StartStream(Guid streamId, string streamType, params IEnumerable<object> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        Queue(streamId, streamType, 0, events);
    }

    public void Append(Guid streamId, long expectedVersion, params IEnumerable<object> events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedVersion);
        Queue(streamId, null, expectedVersion, events);
    }

    /// <summary>
    /// Records that a consumer handled a message, one per session; a second delivery then fails with
    /// <see cref="DuplicateMessageException"/> and changes nothing.
    /// </summary>
    public void MarkProcessed(Guid messageId, string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        if (_inbox is not null)
        {
            throw new InvalidOperationException("A session records the handling of one message.");
        }

        _inbox = (messageId, consumer);
    }

    /// <summary>Writes this session alone; a session of a <see cref="SessionGroup"/> is written by its group.</summary>
    public Task<IReadOnlyList<StoredEvent>> SaveChanges(CancellationToken ct) =>
        _group is null
            ? SessionWriter.Save(_store, [this], [], [], ct)
            : throw new InvalidOperationException("This session belongs to a group; save the group.");

    internal IReadOnlyList<PendingAppend> Appends => _appends;

    internal (Guid MessageId, string Consumer)? Inbox => _inbox;

    internal void Clear()
    {
        _appends.Clear();
        _inbox = null;
    }

    private void Queue(Guid streamId, string? streamType, long expectedVersion, IEnumerable<object> events)
    {
        var options = _store.Options;
        var pending = events.Select(e =>
        {
            ArgumentNullException.ThrowIfNull(e);
            var type = options.Types.NameOf(e.GetType());
            var json = JsonSerializer.Serialize(e, e.GetType(), options.Json);
            var size = Encoding.UTF8.GetByteCount(json);
            return size > options.MaxEventBytes
                ? throw new EventTooLargeException(type, size, options.MaxEventBytes)
                : new PendingEvent(Guid.CreateVersion7(), type, json, e);
        }).ToList();
        if (pending.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        if (_appends.Exists(a => a.StreamId == streamId))
        {
            throw new InvalidOperationException($"Stream {streamId} is already appended to in this session; pass all its events in one call.");
        }

        _appends.Add(new PendingAppend(streamId, streamType, expectedVersion, pending));
    }
}

using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Sessions written together in one transaction, in the order they were opened; each sees what the
/// sessions before it appended. Lets a consumer commit a run of messages with one round trip and one
/// flush to disk instead of one per message. With a <see cref="StateCache"/>, states are taken from
/// it when they are there and kept in it after the commit.
/// </summary>
public sealed class SessionGroup(EventStore store, StateCache? cache = null)
{
    private readonly List<EventSession> _sessions = [];
    private readonly List<NpgsqlBatchCommand> _also = [];
    private readonly Dictionary<(Guid StreamId, Type Type), Fetched> _fetched = [];

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
        var appended = _sessions.SelectMany(s => s.Appends).GroupBy(a => a.StreamId)
            .ToDictionary(g => g.Key, g => g.SelectMany(a => a.Events).ToList());
        IReadOnlyList<StoredEvent> stored;
        try
        {
            stored = await SessionWriter.Save(store, _sessions, Checks(appended), _also, ct);
        }
        catch
        {
            Discard();
            throw;
        }

        _also.Clear();
        Remember(appended);
        return stored;
    }

    /// <summary>
    /// Forgets the cached states this group read, after its handlers failed: the failure may come
    /// from a state that was out of date, and the retry must read afresh.
    /// </summary>
    public void Discard()
    {
        cache?.Forget(_fetched.Keys.Select(k => k.StreamId).Concat(_sessions.SelectMany(s => s.Appends).Select(a => a.StreamId)));
        _fetched.Clear();
    }

    /// <summary>The stream's state as this group knows it: read once, plus what earlier sessions of the group appended.</summary>
    internal async Task<StreamState<TState>> Fetch<TState>(EventSession session, Guid streamId, CancellationToken ct)
        where TState : IEventSourced<TState>
    {
        var key = (streamId, typeof(TState));
        if (!_fetched.TryGetValue(key, out var fetched))
        {
            if (cache is not null && cache.TryGet(streamId, typeof(TState), out var hit))
            {
                fetched = new Fetched(hit.State, hit.Version, FromCache: true, Evolve<TState>);
            }
            else
            {
                var read = await store.FetchState<TState>(streamId, toVersion: null, asOf: null, mustExist: false, ct);
                fetched = new Fetched(read.State, read.Version, FromCache: false, Evolve<TState>);
            }

            _fetched[key] = fetched;
        }

        var earlier = _sessions.TakeWhile(s => s != session).SelectMany(s => s.Appends)
            .Where(a => a.StreamId == streamId).SelectMany(a => a.Events).ToList();
        return new StreamState<TState>(
            streamId, earlier.Aggregate((TState)fetched.State, (state, e) => TState.Evolve(state, e.Data)), fetched.Version + earlier.Count);
    }

    private static object Evolve<TState>(object state, object @event)
        where TState : IEventSourced<TState> => TState.Evolve((TState)state, @event);

    /// <summary>A decision taken on a cached state of a stream the group does not append to still needs that state to be current.</summary>
    private List<NpgsqlBatchCommand> Checks(Dictionary<Guid, List<PendingEvent>> appended) =>
    [
        .. _fetched.Where(f => f.Value.FromCache && !appended.ContainsKey(f.Key.StreamId))
            .Select(f => (f.Key.StreamId, f.Value.Version)).Distinct()
            .Select(f => new NpgsqlBatchCommand($"select {store.Options.Schema}.expect_version($1, $2)")
            {
                Parameters = { new() { Value = f.StreamId }, new() { Value = f.Version } },
            }),
    ];

    private void Remember(Dictionary<Guid, List<PendingEvent>> appended)
    {
        if (cache is null)
        {
            return;
        }

        cache.Forget(appended.Keys);
        foreach (var ((streamId, type), fetched) in _fetched)
        {
            var events = appended.GetValueOrDefault(streamId) ?? [];
            cache.Keep(streamId, type, events.Aggregate(fetched.State, (state, e) => fetched.Evolve(state, e.Data)), fetched.Version + events.Count);
        }

        _fetched.Clear();
    }

    private sealed record Fetched(object State, long Version, bool FromCache, Func<object, object, object> Evolve);
}

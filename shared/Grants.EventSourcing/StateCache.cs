namespace Grants.EventSourcing;

/// <summary>
/// States a consumer folded in earlier transactions, so a stream that receives many messages is not
/// read and folded again for each. A cached state is never trusted blindly: a group that decided on
/// one commits only if the stream is still at that version (the append's expected version, or an
/// explicit check when it appended nothing), and a group that fails forgets every stream it touched,
/// so its retry reads them afresh.
/// </summary>
public sealed class StateCache(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Dictionary<Type, (object State, long Version)>> _streams = [];

    internal bool TryGet(Guid streamId, Type type, out (object State, long Version) cached)
    {
        lock (_gate)
        {
            cached = default;
            return _streams.TryGetValue(streamId, out var states) && states.TryGetValue(type, out cached);
        }
    }

    internal void Keep(Guid streamId, Type type, object state, long version)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(streamId, out var states))
            {
                // Full: start again rather than track recency on every read; the streams that
                // matter come back with their next message.
                if (_streams.Count >= capacity)
                {
                    _streams.Clear();
                }

                _streams[streamId] = states = [];
            }

            if (!states.TryGetValue(type, out var kept) || kept.Version < version)
            {
                states[type] = (state, version);
            }
        }
    }

    internal void Forget(IEnumerable<Guid> streamIds)
    {
        lock (_gate)
        {
            foreach (var streamId in streamIds)
            {
                _streams.Remove(streamId);
            }
        }
    }
}

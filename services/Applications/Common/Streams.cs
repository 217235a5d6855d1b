namespace Grants.Applications.Common;

/// <summary>The one way every slice changes a stream: load, decide (pure), append with the expected version, save.</summary>
public static class Streams
{
    /// <param name="expectedVersion">From If-Match when the client sent one; otherwise the version just loaded.</param>
    public static async Task<StreamState<TState>> Decide<TState>(
        EventSession session,
        Guid streamId,
        string streamType,
        long? expectedVersion,
        Func<TState, IReadOnlyList<object>> decide,
        CancellationToken ct)
        where TState : IEventSourced<TState>
    {
        var current = await session.FetchForWriting<TState>(streamId, ct);
        var events = decide(current.State);
        Append(session, streamId, streamType, expectedVersion ?? current.Version, events);
        await session.SaveChanges(ct);
        // A command that changed nothing answers with the stream as it is, whatever version the client last saw.
        return events.Count == 0 ? current : Fold(current with { Version = expectedVersion ?? current.Version }, events);
    }

    /// <summary>Queues the events on the session: a new stream is started, an existing one appended to.</summary>
    public static void Append(EventSession session, Guid streamId, string streamType, long expectedVersion, IReadOnlyList<object> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (expectedVersion == 0)
        {
            session.StartStream(streamId, streamType, events);
        }
        else
        {
            session.Append(streamId, expectedVersion, events);
        }
    }

    public static StreamState<TState> Fold<TState>(StreamState<TState> state, IReadOnlyList<object> events)
        where TState : IEventSourced<TState> =>
        events.Count == 0
            ? state
            : new StreamState<TState>(state.StreamId, events.Aggregate(state.State, TState.Evolve), state.Version + events.Count);
}

using System.Collections.Concurrent;

namespace Grants.Applications.Calls;

/// <summary>
/// Calls as last read by this instance, caught up with the events after that version when needed
/// again. A call's rules are fixed once it opens, so a submission reads only what happened to the call
/// since (its closing), not the whole stream with the rules in it twice, and the rules already known
/// say which quota the submission counts against before anything else is read.
/// </summary>
public sealed class CallSnapshots(EventStore store)
{
    private readonly ConcurrentDictionary<Guid, StreamState<Call>> _calls = new();

    /// <summary>The call as last known here, read from the store unless known to be past its draft: its rules are final.</summary>
    public async Task<StreamState<Call>> Opened(Guid id, CancellationToken ct) =>
        _calls.TryGetValue(id, out var known) && known.State.Status is not (CallStatus.None or CallStatus.Draft)
            ? known
            : Keep(await store.AggregateStream<Call>(id, ct: ct));

    /// <summary>Remembers the call unless a later version of it is known already; returns the latest.</summary>
    public StreamState<Call> Keep(StreamState<Call> call) =>
        _calls.AddOrUpdate(call.StreamId, call, (_, known) => known.Version >= call.Version ? known : call);
}

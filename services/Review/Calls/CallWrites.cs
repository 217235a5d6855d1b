using Grants.Review.Api;

namespace Grants.Review.Calls;

public static class CallWrites
{
    /// <summary>Loads the call, decides, and appends at the version decided on: a concurrent change to the call fails with a conflict.</summary>
    public static async Task<StreamState<CallReview>> Run(
        this EventStore store, Guid callId, EventMetadata metadata, long? expectedVersion, Func<CallReview, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var session = store.OpenSession(metadata);
        var call = await session.FetchForWriting<CallReview>(callId, ct);
        if (call.Version == 0)
        {
            throw new StreamNotFoundException(callId);
        }

        var events = decide(call.State);
        var version = expectedVersion ?? call.Version;
        session.Write(call, Streams.Call, events, version);
        await session.SaveChanges(ct);
        return new StreamState<CallReview>(callId, events.Aggregate(call.State, CallReview.Evolve), events.Count == 0 ? call.Version : version + events.Count);
    }
}

using Grants.Review.Api;
using Grants.Review.Calls;

namespace Grants.Review.Cases;

/// <summary>
/// Runs a command against a case and, when it completes the case, records the result on the call's
/// stream in the same transaction, where the ranking reads it. Only a conflict on the call's
/// stream (another case of the call completing at the same moment) is retried here; a conflict on
/// the case itself is the client's to resolve.
/// </summary>
public sealed class ReviewCases(EventStore store, CaseQueries queries)
{
    private const int Attempts = 8;

    public async Task<StreamState<ReviewCase>> Run(
        Guid applicationId, EventMetadata metadata, long? expectedVersion, Func<ReviewCase, Task<CaseCommand>> command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = store.OpenSession(metadata);
            var current = await session.FetchForWriting<ReviewCase>(applicationId, ct);
            if (current.State.Opened is null)
            {
                throw CaseErrors.NotFound();
            }

            var events = ReviewCaseDecider.Decide(await command(current.State), current.State);
            if (events.Count == 0)
            {
                return current;
            }

            session.Write(current, Streams.Case, events, expectedVersion ?? current.Version);
            var callId = current.State.Details.CallId;
            if (events.OfType<ReviewCaseCompleted>().SingleOrDefault() is { } completed)
            {
                var call = await session.FetchForWriting<CallReview>(callId, ct);
                session.Write(call, Streams.Call, CallDecider.Decide(
                    new RecordReview(applicationId, completed.WeightedScore, completed.AllThresholdsPassed), call.State));
            }

            try
            {
                await session.SaveChanges(ct);
                return new StreamState<ReviewCase>(applicationId, events.Aggregate(current.State, ReviewCase.Evolve),
                    (expectedVersion ?? current.Version) + events.Count);
            }
            catch (ConcurrencyException conflict) when (conflict.StreamId == callId && attempt < Attempts)
            {
                // When many reviewers finish at once (a busy evening before the review deadline), the ones
                // that lost would all try again at the same moment and lose again: spread them out.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), ct);
            }
        }
    }

    /// <summary>Who could be assigned to the case now.</summary>
    public async Task<Candidates> Candidates(ReviewCase state, CancellationToken ct)
    {
        var call = await store.AggregateStream<CallReview>(state.Details.CallId, ct: ct);
        return await queries.Candidates(call.State, state.Details.OrganisationId, ct);
    }
}

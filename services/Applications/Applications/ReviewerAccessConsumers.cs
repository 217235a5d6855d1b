using Grants.Applications.Grants;
using Grants.Contracts.Reviews;
using Grants.Hosting.Messaging;

namespace Grants.Applications.Applications;

public sealed class ReviewerClearedConsumer(EventStore store) : IdempotentConsumer<ReviewerCleared>(store)
{
    protected override string ConsumerName => "applications.reviewer-cleared";

    protected override Task Handle(ReviewerCleared message, EventSession session, CancellationToken ct) =>
        Recorded.On<ReviewerAccess>(session, ReviewerAccess.StreamId(message.ApplicationId), ReviewerAccess.StreamType,
            s => ReviewerAccess.Clear(s, message.ApplicationId, message.ReviewerId, message.OccurredAt), ct);
}

public sealed class ReviewerReleasedConsumer(EventStore store) : IdempotentConsumer<ReviewerReleased>(store)
{
    protected override string ConsumerName => "applications.reviewer-released";

    protected override Task Handle(ReviewerReleased message, EventSession session, CancellationToken ct) =>
        Recorded.On<ReviewerAccess>(session, ReviewerAccess.StreamId(message.ApplicationId), ReviewerAccess.StreamType,
            s => ReviewerAccess.Release(s, message.ApplicationId, message.ReviewerId, message.OccurredAt), ct);
}

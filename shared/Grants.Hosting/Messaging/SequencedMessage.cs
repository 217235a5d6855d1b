using Grants.EventSourcing;

namespace Grants.Hosting.Messaging;

/// <summary>A delivered message with its relay number, and what its consumer does with it in a session.</summary>
internal sealed record SequencedMessage(
    long Sequence, Guid MessageId, EventMetadata Metadata, Func<EventSession, CancellationToken, Task> Handle, bool LastAttempt)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

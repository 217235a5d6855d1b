using Grants.Contracts;
using Grants.EventSourcing;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Consumes a message with exactly-once effects: the inbox row and the events the handler appends
/// commit in one transaction, so a redelivery finds the row and is acknowledged without effect.
/// Messages the relay numbered are handled in that order, consecutive ones committed together
/// (<see cref="PartitionSequencer"/>). A race lost to another writer of a stream is decided again
/// on fresh state at once (<see cref="ConflictRetry"/>); another failure propagates to the retry
/// policy, which runs the handler again on fresh state, then to the _error queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(EventStore store) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
{
    /// <summary>Stable name recorded in the inbox; renaming it makes old messages look new.</summary>
    protected abstract string ConsumerName { get; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var message = context.Message;
        var messageId = message.MessageId != Guid.Empty
            ? message.MessageId
            : context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var metadata = new EventMetadata(message.CorrelationId, messageId, Source: $"consumer:{ConsumerName}");
        if (context.Headers.Get<long>(RelaySequences.Header) is not { } sequence)
        {
            await Alone(message, messageId, metadata, context.CancellationToken);
            return;
        }

        var sequencer = context.GetServiceOrCreateInstance<PartitionSequencers>()
            .For(ConsumerName, GrantsMessaging.PartitionOf(message.CorrelationId));
        await sequencer.Run(
            new SequencedMessage(sequence, messageId, metadata, (session, ct) => Handle(message, session, ct),
                LastAttempt: context.GetRetryAttempt() >= MessagingSettings.RetryLimit),
            context.CancellationToken);
    }

    /// <summary>
    /// Loads what it needs, decides, and appends to the session; the base class saves. It may run for
    /// a redelivered message, so every effect must go through the session, whose inbox row makes a
    /// second commit impossible.
    /// </summary>
    protected abstract Task Handle(TMessage message, EventSession session, CancellationToken ct);

    /// <summary>A message the relay did not number (published by hand, or by a tool) is handled on its own.</summary>
    private async Task Alone(TMessage message, Guid messageId, EventMetadata metadata, CancellationToken ct)
    {
        try
        {
            await ConflictRetry.Run(
                async () =>
                {
                    var session = store.OpenSession(metadata);
                    session.MarkProcessed(messageId, ConsumerName);
                    await Handle(message, session, ct);
                    await session.SaveChanges(ct);
                },
                ct);
        }
        catch (DuplicateMessageException)
        {
            // The inbox row is written first in the same transaction, so a redelivery stops there.
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The inbox is asked only when something failed, not before every message: it saves a
            // round trip per message, and a redelivery whose decider now refuses (the first
            // delivery already changed the state) must be acknowledged, not retried into _error.
            if (await store.HasProcessed(messageId, ConsumerName, ct))
            {
                return;
            }

            throw;
        }
    }
}

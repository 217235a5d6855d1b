using Grants.Contracts;
using Grants.EventSourcing;
using MassTransit;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Consumes a message with exactly-once effects: the inbox row and the events the handler appends
/// commit in one transaction, so a redelivery finds the row and is acknowledged without effect. A
/// concurrency conflict propagates to the retry policy, which runs the handler again on fresh state.
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
        if (await store.HasProcessed(messageId, ConsumerName, context.CancellationToken))
        {
            return;
        }

        var session = store.OpenSession(new EventMetadata(message.CorrelationId, messageId, Source: $"consumer:{ConsumerName}"));
        session.MarkProcessed(messageId, ConsumerName);
        await Handle(message, session, context.CancellationToken);
        try
        {
            await session.SaveChanges(context.CancellationToken);
        }
        catch (DuplicateMessageException)
        {
            // A concurrent delivery of the same message committed first; its effects stand.
        }
    }

    /// <summary>Loads what it needs, decides, and appends to the session; the base class saves.</summary>
    protected abstract Task Handle(TMessage message, EventSession session, CancellationToken ct);
}

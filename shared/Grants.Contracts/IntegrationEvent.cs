namespace Grants.Contracts;

/// <summary>
/// The envelope every message carries (DESIGN 5). The relay stamps it: <see cref="MessageId"/> is
/// derived from the stream and version of the event it comes from, so a re-publish has the same id.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid MessageId { get; init; }

    /// <summary>The application id where there is one: it threads the whole lifecycle across services.</summary>
    public Guid CorrelationId { get; init; }

    public Guid? CausationId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

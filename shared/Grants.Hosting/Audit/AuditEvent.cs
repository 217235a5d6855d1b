using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.EventSourcing;
using Grants.Hosting.Messaging;

namespace Grants.Hosting.Audit;

/// <summary>
/// One event in an auditor's view. <see cref="MessageId"/> is the id the event carries on the bus if
/// it is published, so the events another service appended in answer, whose <see cref="CausationId"/>
/// it is, can be linked to it. <see cref="Data"/> is there in exports, left out of timelines.
/// </summary>
public sealed record AuditEvent(
    string Service,
    long Sequence,
    ulong TransactionId,
    Guid EventId,
    Guid MessageId,
    DateTimeOffset Time,
    Guid StreamId,
    string StreamType,
    long Version,
    string Type,
    string? Actor,
    string? Role,
    string? Organisation,
    string Source,
    string? Reason,
    Guid? CorrelationId,
    Guid? CausationId,
    string Hash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data = null)
{
    private static readonly string[] ReasonFields = ["reason", "justification"];

    public static AuditEvent From(string service, RecordedEvent e, bool withData)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new AuditEvent(
            service, e.Sequence, e.Position.TransactionId, e.Id, MessageIds.For(e.StreamId, e.Version), e.Timestamp,
            e.StreamId, e.StreamType, e.Version, e.Type, e.Metadata.UserId, e.Metadata.Role, e.Metadata.Organisation,
            e.Metadata.Source, ReasonIn(data.RootElement), e.Metadata.CorrelationId, e.Metadata.CausationId, e.Hash,
            withData ? data.RootElement.Clone() : null);
    }

    /// <summary>The reason a person gave, where the event records one at its top level.</summary>
    private static string? ReasonIn(JsonElement data) =>
        data.ValueKind != JsonValueKind.Object
            ? null
            : data.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String
                    && ReasonFields.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => p.Value.GetString())
                .FirstOrDefault(r => !string.IsNullOrWhiteSpace(r));
}

/// <summary>What a service answers for a timeline or an export.</summary>
public sealed record AuditHistory(Guid Id, string Service, DateTimeOffset ProducedAt, IReadOnlyList<AuditEvent> Events);

using System.Text.Json;

namespace Grants.EventSourcing;

/// <summary>The <c>headers</c> column: who acted, in which role and organisation, through which door.</summary>
internal sealed record EventHeaders(string? User, string? Role, string? Organisation, string Source)
{
    public static string Serialize(EventMetadata metadata, JsonSerializerOptions json) =>
        JsonSerializer.Serialize(new EventHeaders(metadata.UserId, metadata.Role, metadata.Organisation, metadata.Source), json);

    public static EventMetadata Read(string headers, Guid? correlationId, Guid? causationId, JsonSerializerOptions json)
    {
        var h = JsonSerializer.Deserialize<EventHeaders>(headers, json)
            ?? throw new JsonException("Event headers are null.");
        return new EventMetadata(correlationId, causationId, h.User, h.Role, h.Organisation, h.Source);
    }
}

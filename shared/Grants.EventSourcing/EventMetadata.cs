namespace Grants.EventSourcing;

/// <summary>Who did it, why, and through which door; stored on every event of a session.</summary>
public sealed record EventMetadata(
    Guid? CorrelationId = null,
    Guid? CausationId = null,
    string? UserId = null,
    string? Role = null,
    string? Organisation = null,
    string Source = "api");

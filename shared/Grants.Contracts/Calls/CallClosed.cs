namespace Grants.Contracts.Calls;

public sealed record CallClosed : IntegrationEvent
{
    public required Guid CallId { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>True when an officer closed it before its deadline; <see cref="Reason"/> then says why.</summary>
    public bool ClosedEarly { get; init; }

    public string? Reason { get; init; }

    public Actor? ClosedBy { get; init; }
}

namespace Grants.Contracts.Calls;

public sealed record CallOpened : IntegrationEvent
{
    public required Guid CallId { get; init; }

    public required string Reference { get; init; }

    public required string Title { get; init; }

    public required CallRules Rules { get; init; }

    public required Actor OpenedBy { get; init; }
}

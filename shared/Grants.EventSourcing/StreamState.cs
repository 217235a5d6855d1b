namespace Grants.EventSourcing;

/// <summary>A stream folded into its state; <see cref="Version"/> 0 means the stream has no events (yet, or as of then).</summary>
public sealed record StreamState<TState>(Guid StreamId, TState State, long Version);

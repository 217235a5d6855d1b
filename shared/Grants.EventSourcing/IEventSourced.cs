namespace Grants.EventSourcing;

/// <summary>
/// The evolving half of a Decider: an immutable state with its initial value and a pure
/// <c>Evolve</c>, so the store can fold any stream, up to any version or instant, into it.
/// </summary>
public interface IEventSourced<TSelf> where TSelf : IEventSourced<TSelf>
{
    static abstract TSelf Initial { get; }

    static abstract TSelf Evolve(TSelf state, object @event);
}

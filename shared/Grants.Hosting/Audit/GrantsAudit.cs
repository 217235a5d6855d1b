using Grants.EventSourcing;

namespace Grants.Hosting.Audit;

/// <summary>
/// What a service tells the audit endpoints about itself: which state record each of its stream types
/// folds into, for <c>/audit/state</c>, and any projection run by a subscription that replay should
/// rebuild besides its inline ones.
/// </summary>
public sealed class GrantsAudit
{
    private readonly Dictionary<string, StateFolder> _states = new(StringComparer.Ordinal);
    private readonly List<IProjection> _replayed = [];

    /// <summary>Streams started with <paramref name="streamType"/> are rebuilt as <typeparamref name="TState"/>.</summary>
    public GrantsAudit State<TState>(string streamType)
        where TState : IEventSourced<TState>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        if (!_states.TryAdd(streamType, new StateFolder(typeof(TState), Fold<TState>)))
        {
            throw new ArgumentException($"Stream type '{streamType}' already folds into {_states[streamType].Type.Name}.", nameof(streamType));
        }

        return this;
    }

    /// <summary>
    /// A read model kept by a subscription, not inline; replay rebuilds it with the inline ones and
    /// compares it as of its snapshot, so a subscription that lags shows its lag as differences.
    /// </summary>
    public GrantsAudit Replay(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        _replayed.Add(projection);
        return this;
    }

    internal IReadOnlyList<IProjection> Replayed => _replayed;

    internal StateFolder? StateOf(string streamType) => _states.GetValueOrDefault(streamType);

    private static async Task<(object State, long Version)> Fold<TState>(EventStore store, Guid streamId, DateTimeOffset asOf, CancellationToken ct)
        where TState : IEventSourced<TState>
    {
        var folded = await store.AggregateStream<TState>(streamId, asOf: asOf, ct: ct);
        return (folded.State, folded.Version);
    }
}

internal sealed record StateFolder(
    Type Type, Func<EventStore, Guid, DateTimeOffset, CancellationToken, Task<(object State, long Version)>> Fold);

using System.Collections.Concurrent;
using Grants.EventSourcing;
using Npgsql;

namespace Grants.Hosting.Messaging;

/// <summary>The service's sequencers, one per consumer and partition, sharing one cache of the states their handlers fold.</summary>
internal sealed class PartitionSequencers(EventStore store, NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<(string Consumer, string Partition), PartitionSequencer> _sequencers = new();
    private readonly StateCache _states = new();

    public PartitionSequencer For(string consumer, string partition) =>
        _sequencers.GetOrAdd((consumer, partition), key => new PartitionSequencer(store, dataSource, _states, key.Consumer, key.Partition));
}

using Grants.Contracts;
using Grants.EventSourcing;
using MassTransit;
using Npgsql;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Numbers the relay's messages 1, 2, 3... per contract and partition, in log order. A partition
/// queue holds one contract from one publisher, so its consumer sees a gapless numbering and can
/// restore the log's order whatever order the messages were published or dispatched in. The
/// counters commit with the relay's checkpoint: after a crash the same events get the same numbers.
/// </summary>
internal sealed class RelaySequences
{
    public const string Header = "Grants-Sequence";

    private readonly Dictionary<(string Contract, string Partition), long> _last;
    private readonly HashSet<(string Contract, string Partition)> _changed = [];

    private RelaySequences(Dictionary<(string, string), long> last) => _last = last;

    public static async Task<RelaySequences> Read(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command($"select contract, partition, last from {context.Schema}.relay_sequences");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var last = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync(ct))
        {
            last[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return new RelaySequences(last);
    }

    /// <summary>The contract's message name on the bus, which is what its consumers' queues hold.</summary>
    public static string ContractName(IntegrationEvent contract) => MessageUrn.ForTypeString(contract.GetType());

    public long Next(IntegrationEvent contract)
    {
        var key = (ContractName(contract), GrantsMessaging.PartitionOf(contract.CorrelationId));
        var next = _last.GetValueOrDefault(key) + 1;
        _last[key] = next;
        _changed.Add(key);
        return next;
    }

    public async Task Write(ProjectionContext context, CancellationToken ct)
    {
        if (_changed.Count == 0)
        {
            return;
        }

        await using var command = context.Command(
            $"""
            insert into {context.Schema}.relay_sequences (contract, partition, last)
            select * from unnest($1::text[], $2::text[], $3::bigint[])
            on conflict (contract, partition) do update set last = excluded.last
            """);
        var keys = _changed.ToList();
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Contract).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Partition).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => _last[k]).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}

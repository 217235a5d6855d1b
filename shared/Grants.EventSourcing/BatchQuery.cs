using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Reads queued together and sent in one round trip, as Marten's batched query: for a decision that
/// needs several streams and a projection's answer, where a round trip each would cost more than the
/// reading itself. Each read's task completes once <see cref="Execute"/> has run.
/// </summary>
public sealed class BatchQuery
{
    private readonly EventStore _store;
    private readonly List<(NpgsqlBatchCommand Command, Func<NpgsqlDataReader, CancellationToken, Task> Read, Action<Exception> Fail)> _reads = [];

    internal BatchQuery(EventStore store) => _store = store;

    /// <summary>
    /// The stream folded into its state, as <see cref="EventSession.FetchForWriting{TState}"/> does: a
    /// stream without events is at version 0. Given a snapshot, only the events after its version are read.
    /// </summary>
    public Task<StreamState<TState>> AggregateStream<TState>(Guid streamId, StreamState<TState>? from = null)
        where TState : IEventSourced<TState>
    {
        var start = from ?? new StreamState<TState>(streamId, TState.Initial, 0);
        var command = new NpgsqlBatchCommand(
            $"select {EventRows.Columns} from {_store.Options.Schema}.events where stream_id = $1 and version > $2 order by version")
        {
            Parameters = { new() { Value = streamId }, new() { Value = start.Version } },
        };
        return Query(command, async (reader, ct) =>
        {
            var rows = new EventRows(_store.Options);
            var (state, version) = (start.State, start.Version);
            while (await reader.ReadAsync(ct))
            {
                var e = rows.Read(reader);
                (state, version) = (TState.Evolve(state, e.Data), e.Version);
            }

            return new StreamState<TState>(streamId, state, version);
        });
    }

    /// <summary>A query of the caller's own tables; <paramref name="read"/> reads its result set once the batch has run.</summary>
    public Task<T> Query<T>(NpgsqlBatchCommand command, Func<NpgsqlDataReader, CancellationToken, Task<T>> read)
    {
        var result = new TaskCompletionSource<T>();
        _reads.Add((command, async (reader, ct) => result.SetResult(await read(reader, ct)), error => result.TrySetException(error)));
        return result.Task;
    }

    public async Task Execute(CancellationToken ct)
    {
        var reads = _reads.ToList();
        _reads.Clear();
        try
        {
            await EventStore.Guard(async () =>
            {
                await using var connection = await _store.DataSource.OpenConnectionAsync(ct);
                await using var batch = new NpgsqlBatch(connection);
                reads.ForEach(r => batch.BatchCommands.Add(r.Command));
                await using var reader = await batch.ExecuteReaderAsync(ct);
                foreach (var read in reads)
                {
                    await read.Read(reader, ct);
                    await reader.NextResultAsync(ct);
                }
            });
        }
        catch (Exception error)
        {
            // A read already answered keeps its answer; the rest fail with the batch.
            reads.ForEach(r => r.Fail(error));
            throw;
        }
    }
}

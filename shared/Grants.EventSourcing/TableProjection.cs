using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// A projection into tables of the service's schema: each event becomes statements, and all the
/// statements of a batch of events go in one round trip (one per event would cost an append more
/// than its own write). Its statements need nothing the append returns, so inline they travel in
/// the append's own batch (<see cref="SessionWriter"/>). A rebuild empties the tables.
/// </summary>
public abstract class TableProjection(string name, params string[] tables) : IProjection
{
    public string Name => name;

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var command in Statements(events, context.Schema))
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command($"truncate {string.Join(", ", tables.Select(t => $"{context.Schema}.{t}"))}");
        await command.ExecuteNonQueryAsync(ct);
    }

    internal IEnumerable<NpgsqlBatchCommand> Statements(IEnumerable<StoredEvent> events, string schema) => events.SelectMany(e => Commands(e, schema));

    /// <summary>
    /// The statements one event makes in the service's schema <paramref name="s"/>; none for an event the
    /// projection ignores. They must not use the event's log position: inline, it is not known yet.
    /// </summary>
    protected abstract IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s);
}

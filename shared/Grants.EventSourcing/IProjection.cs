using Npgsql;

namespace Grants.EventSourcing;

/// <summary>
/// Turns events into rows. The same projection runs inline (in the appending transaction) or
/// asynchronously (through a subscription); either way its effects commit with its checkpoint.
/// </summary>
public interface IProjection
{
    string Name { get; }

    /// <summary>
    /// The stored type names it reads, or null for every event. A subscription then reads only
    /// those and moves its checkpoint past the others without loading them.
    /// </summary>
    IReadOnlySet<string>? EventTypes => null;

    Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct);

    /// <summary>Removes everything the projection wrote, before a rebuild from the start of the log.</summary>
    Task Reset(ProjectionContext context, CancellationToken ct);
}

public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Schema)
{
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);
}

using System.Net.Sockets;
using Npgsql;

namespace Grants.EventSourcing;

internal static class StoreErrors
{
    public const string ConflictState = "GS409";
    public const string NotFoundState = "GS404";
    private const string UniqueViolation = "23505";

    /// <summary>Turns what PostgreSQL or the network said into the store's typed errors; null when it is not ours to translate.</summary>
    public static Exception? Translate(
        Exception error,
        Dictionary<NpgsqlBatchCommand, PendingAppend> appends,
        Dictionary<NpgsqlBatchCommand, (Guid MessageId, string Consumer)> inbox)
    {
        switch (error)
        {
            case PostgresException { SqlState: ConflictState, BatchCommand: { } command } pg when appends.TryGetValue(command, out var append):
                var actual = long.TryParse(pg.Detail, out var v) ? v : -1;
                return append.ExpectedVersion == 0
                    ? new StreamAlreadyExistsException(append.StreamId)
                    : new ConcurrencyException(append.StreamId, append.ExpectedVersion, actual,
                        actual == append.ExpectedVersion ? $"Stream {append.StreamId} was appended by a newer transaction; reload and retry." : null);
            case PostgresException { SqlState: NotFoundState, BatchCommand: { } command } when appends.TryGetValue(command, out var append):
                return new StreamNotFoundException(append.StreamId);
            case PostgresException { SqlState: UniqueViolation, BatchCommand: { } command } when inbox.TryGetValue(command, out var mark):
                return new DuplicateMessageException(mark.MessageId, mark.Consumer);
            default:
                return Unavailable(error);
        }
    }

    public static Exception? Unavailable(Exception error) => error switch
    {
        PostgresException => null,
        NpgsqlException or SocketException or IOException or TimeoutException =>
            new EventStoreUnavailableException($"The event store could not complete the operation: {error.Message}", error),
        _ => null,
    };
}

using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Grants.EventSourcing;

internal static partial class StoreErrors
{
    private const string ConflictState = "GS409";
    private const string NotFoundState = "GS404";
    private const string UniqueViolation = "23505";

    /// <summary>Turns what PostgreSQL or the network said into the store's typed errors; null when it is not ours to translate.</summary>
    public static Exception? Translate(Exception error, IReadOnlyList<PendingAppend> appends, (Guid MessageId, string Consumer)? inbox)
    {
        if (error is not PostgresException pg || Unavailable(error) is not null)
        {
            return Unavailable(error);
        }

        var match = AppendError().Match(pg.MessageText);
        var append = match.Success ? appends.FirstOrDefault(a => a.StreamId == Guid.Parse(match.Groups["stream"].Value)) : null;
        return (pg.SqlState, append, inbox) switch
        {
            (ConflictState, { ExpectedVersion: 0 }, _) => new StreamAlreadyExistsException(append.StreamId),
            (ConflictState, not null, _) => Conflict(append, long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), pg.MessageText),
            (ConflictState, null, _) when match.Groups["expected"].Success => new ConcurrencyException(
                Guid.Parse(match.Groups["stream"].Value), long.Parse(match.Groups["expected"].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture)),
            (NotFoundState, not null, _) => new StreamNotFoundException(append.StreamId),
            (UniqueViolation, _, var (messageId, consumer)) when pg.ConstraintName == "inbox_pkey" => new DuplicateMessageException(messageId, consumer),
            _ => null,
        };
    }

    /// <summary>Connection lost, server shutting down or out of resources: the operation did not commit.</summary>
    public static Exception? Unavailable(Exception error) => error switch
    {
        PostgresException pg when pg.SqlState[..2] is "08" or "53" or "57" =>
            new EventStoreUnavailableException($"The event store could not complete the operation: {pg.MessageText}", error),
        PostgresException => null,
        NpgsqlException or SocketException or IOException or TimeoutException =>
            new EventStoreUnavailableException($"The event store could not complete the operation: {error.Message}", error),
        _ => null,
    };

    private static ConcurrencyException Conflict(PendingAppend append, long actual, string message) =>
        new(append.StreamId, append.ExpectedVersion, actual,
            message.Contains("newer transaction", StringComparison.Ordinal)
                ? $"Stream {append.StreamId} was appended by a newer transaction; reload it and retry."
                : null);

    [GeneratedRegex(@"^stream (?<stream>[0-9a-f-]{36})( is at version (?<version>\d+))?(, not (?<expected>\d+))?")]
    private static partial Regex AppendError();
}

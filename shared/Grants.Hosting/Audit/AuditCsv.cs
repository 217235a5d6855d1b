using System.Globalization;
using System.Text;

namespace Grants.Hosting.Audit;

/// <summary>
/// Audit events as RFC 4180 CSV, one row per event, the payload as its JSON text. A cell that a
/// spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe; the JSON export
/// is the exact record.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "service", "sequence", "time", "stream_id", "stream_type", "version", "type", "actor", "role", "organisation",
        "source", "reason", "correlation_id", "causation_id", "event_id", "message_id", "hash", "data",
    ];

    public static string Write(IEnumerable<AuditEvent> events)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var e in events)
        {
            Row(csv,
            [
                e.Service, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.ToString("O", CultureInfo.InvariantCulture),
                e.StreamId.ToString(), e.StreamType, e.Version.ToString(CultureInfo.InvariantCulture), e.Type, e.Actor, e.Role,
                e.Organisation, e.Source, e.Reason, e.CorrelationId?.ToString(), e.CausationId?.ToString(), e.EventId.ToString(),
                e.MessageId.ToString(), e.Hash, e.Data?.GetRawText(),
            ]);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i] ?? ""));
        }

        csv.Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}

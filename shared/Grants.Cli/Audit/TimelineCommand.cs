using System.Globalization;
using System.Text.Json;
using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>Every event about an application in every service, in causal order, one entry per event.</summary>
internal static class TimelineCommand
{
    public static async Task<int> Run(AuditClient client, Guid id, string format, TextWriter output, TextWriter error)
    {
        var answers = await client.FromEach<AuditHistory>(HttpMethod.Get, $"/audit/timeline/{id}");
        foreach (var failed in answers.Where(a => !a.Ok))
        {
            error.WriteLine(failed.Describe());
        }

        var merged = CausalOrder.Merge(answers.Where(a => a.Ok).SelectMany(a => a.Body!.Events));
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                id,
                services = answers.Where(a => a.Ok).Select(a => a.Service),
                events = merged.Select((m, i) => new { number = i + 1, causedBy = m.CausedBy, @event = m.Event }),
            }, AuditClient.Json));
        }
        else
        {
            Print(id, merged, answers.Count(a => a.Ok), output);
        }

        var wrong = answers.Any(a => !a.Ok && !a.Unreachable) || (merged.Count == 0 && answers.Any(a => a.Ok));
        if (merged.Count == 0 && answers.Any(a => a.Ok))
        {
            error.WriteLine($"No service holds events of {id}.");
        }

        return AuditCommand.ExitCode(wrong, answers.Any(a => a.Unreachable));
    }

    private static void Print(Guid id, IReadOnlyList<(AuditEvent Event, int? CausedBy)> merged, int services, TextWriter output)
    {
        output.WriteLine($"Timeline of {id}: {merged.Count} events from {services} services, causes first");
        for (var i = 0; i < merged.Count; i++)
        {
            var (e, causedBy) = merged[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,4}  {e.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}Z  {e.Service,-12}  {e.Type}  ({e.StreamType} {e.StreamId} v{e.Version})"));
            output.WriteLine($"      by {e.Actor ?? "-"} ({e.Role ?? "-"}) via {e.Source}{(e.Reason is null ? "" : $"; reason: {e.Reason}")}");
            output.WriteLine($"      correlation {Show(e.CorrelationId)}  causation {Show(e.CausationId)}{(causedBy is { } n ? $" (event #{n})" : "")}");
        }
    }

    private static string Show(Guid? id) => id?.ToString() ?? "-";
}

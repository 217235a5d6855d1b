using System.Text.Json;
using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>
/// The complete history of an application or a call from every service, causes first, as one file.
/// A service that does not answer means no file at all: a partial audit file would say less than the truth.
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> Run(AuditClient client, Guid id, string format, TextWriter output, TextWriter error)
    {
        var answers = await client.FromEach<AuditHistory>(HttpMethod.Get, $"/audit/export/{id}?format=json");
        if (answers.Any(a => !a.Ok))
        {
            foreach (var failed in answers.Where(a => !a.Ok))
            {
                error.WriteLine(failed.Describe());
            }

            error.WriteLine("No export written: every service must answer for the history to be complete.");
            return AuditCommand.ExitCode(answers.Any(a => !a.Ok && !a.Unreachable), answers.Any(a => a.Unreachable));
        }

        var events = CausalOrder.Merge(answers.SelectMany(a => a.Body!.Events)).Select(m => m.Event).ToList();
        output.Write(format == "csv"
            ? AuditCsv.Write(events)
            : JsonSerializer.Serialize(new
            {
                id,
                exportedAt = DateTimeOffset.UtcNow,
                services = answers.Select(a => a.Service),
                events,
            }, AuditClient.Json) + Environment.NewLine);
        if (events.Count == 0)
        {
            error.WriteLine($"No service holds events of {id}.");
            return GrantsCli.Failed;
        }

        return 0;
    }
}

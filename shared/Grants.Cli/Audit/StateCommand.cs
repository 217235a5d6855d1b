using System.Globalization;
using System.Net;
using System.Text.Json;
using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>Asks every service for the stream's state; the one that owns the stream answers, the others do not know it.</summary>
internal static class StateCommand
{
    public static async Task<int> Run(AuditClient client, Guid streamId, DateTimeOffset? asOf, TextWriter output, TextWriter error)
    {
        var query = asOf is { } instant ? "?asOf=" + Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture)) : "";
        var answers = await client.FromEach<AuditState>(HttpMethod.Get, $"/audit/state/{streamId}{query}");
        if (answers.FirstOrDefault(a => a.Ok) is { } owner)
        {
            output.WriteLine(JsonSerializer.Serialize(owner.Body, AuditClient.Json));
            return 0;
        }

        var refused = answers.Where(a => !a.Unreachable && !(a.Status == HttpStatusCode.NotFound && a.Code == "stream.not_found")).ToList();
        foreach (var answer in answers.Where(a => a.Unreachable).Concat(refused))
        {
            error.WriteLine(answer.Describe());
        }

        if (refused.Count == 0 && answers.All(a => !a.Unreachable))
        {
            error.WriteLine($"No service has a stream {streamId}.");
        }

        return AuditCommand.ExitCode(refused.Count > 0 || answers.All(a => !a.Unreachable), answers.Any(a => a.Unreachable));
    }
}

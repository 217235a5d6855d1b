using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>Every service recomputes its hash chains and digests; every damaged stream is named with its first broken version.</summary>
internal static class VerifyCommand
{
    public static async Task<int> Run(AuditClient client, TextWriter output, TextWriter error)
    {
        var answers = await client.FromEach<AuditVerification>(HttpMethod.Get, "/audit/verify");
        foreach (var answer in answers)
        {
            if (answer.Body is not { } report)
            {
                error.WriteLine(answer.Describe());
                continue;
            }

            output.WriteLine(
                $"{answer.Service}: {(report.Ok ? "intact" : "DAMAGED")} ({report.StreamsChecked} streams, {report.EventsChecked} events, {report.DigestsChecked} digests checked)");
            foreach (var d in report.DamagedStreams)
            {
                var where = d.Version is { } v ? $"version {v} (seq {d.Sequence})" : "stream head";
                output.WriteLine($"  stream {d.StreamId} ({d.StreamType ?? "no stream row"}) {where}: {d.Problem}");
            }

            foreach (var d in report.DamagedDigests)
            {
                output.WriteLine($"  digest {d.DigestVersion} of {d.RecordedAt:u}: {d.Problem}");
            }
        }

        return AuditCommand.ExitCode(answers.Any(a => (a.Body is { } r && !r.Ok) || (!a.Ok && !a.Unreachable)), answers.Any(a => a.Unreachable));
    }
}

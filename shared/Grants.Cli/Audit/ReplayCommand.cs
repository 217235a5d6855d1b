using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>Every service rebuilds its projections from its log and reports the tables that differ from the live ones.</summary>
internal static class ReplayCommand
{
    public static async Task<int> Run(AuditClient client, TextWriter output, TextWriter error)
    {
        var answers = await client.FromEach<AuditReplay>(HttpMethod.Post, "/audit/replay");
        foreach (var answer in answers)
        {
            if (answer.Body is not { } replay)
            {
                error.WriteLine(answer.Describe());
                continue;
            }

            output.WriteLine(
                $"{answer.Service}: {(replay.Ok ? "identical" : "DIFFERENT")} ({replay.EventsReplayed} events replayed into {replay.ReplaySchema}; " +
                $"projections: {List(replay.Projections)}; tables: {List(replay.Tables.Select(t => t.Table))})");
            if (replay.Skipped.Count > 0)
            {
                output.WriteLine($"  not replayed (they schedule commands, they do not record): {List(replay.Skipped)}");
            }

            if (replay.Failure is not null)
            {
                output.WriteLine($"  replay failed: {replay.Failure}");
            }

            foreach (var table in replay.Tables.Where(t => !t.IsIdentical))
            {
                output.WriteLine(table.Problem is not null
                    ? $"  table {table.Table}: {table.Problem}"
                    : $"  table {table.Table}: {table.OnlyInLive} of {table.LiveRows} live rows not in the replay, " +
                      $"{table.OnlyInReplay} of {table.ReplayRows} replayed rows not live" +
                      (table.Deterministic ? "" : "; NOT DETERMINISTIC: two replays of the same log differ"));
                foreach (var row in table.SampleOnlyInLive)
                {
                    output.WriteLine($"    live only:   {row.GetRawText()}");
                }

                foreach (var row in table.SampleOnlyInReplay)
                {
                    output.WriteLine($"    replay only: {row.GetRawText()}");
                }
            }
        }

        return AuditCommand.ExitCode(answers.Any(a => (a.Body is { } r && !r.Ok) || (!a.Ok && !a.Unreachable)), answers.Any(a => a.Unreachable));
    }

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";
}

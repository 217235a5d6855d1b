using System.Diagnostics;

namespace Grants.Bench;

public sealed record Measurement(string Scenario, string Unit, double Rate, string Baseline)
{
    /// <summary>Runs <paramref name="writers"/> loops until the time is up; each loop call returns how many units it did.</summary>
    public static async Task<double> RatePerSecond(int writers, TimeSpan duration, Func<int, Func<Task<int>>> writerFactory)
    {
        var loops = Enumerable.Range(0, writers).Select(writerFactory).ToList();
        foreach (var warmUp in loops)
        {
            await warmUp();
        }

        using var start = new Barrier(writers);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(loops.Select(loop => Task.Run(async () =>
        {
            start.SignalAndWait();
            long done = 0;
            while (clock.Elapsed < duration)
            {
                done += await loop();
            }

            return done;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}

using System.Diagnostics;

namespace Grants.Bench;

public sealed record Measurement(string Scenario, string Unit, double Rate, string Baseline)
{
    /// <summary>
    /// The machine is shared and its disk's fsync time drifts, so the baseline and the subject run
    /// in alternating short rounds and each rate is the total over its rounds.
    /// </summary>
    public static async Task<(double Baseline, double Subject)> Alternating(
        int rounds, TimeSpan duration, Func<Func<Task<int>>> baseline, Func<Func<Task<int>>> subject, int writers)
    {
        var baselineLoops = Enumerable.Range(0, writers).Select(_ => baseline()).ToList();
        var subjectLoops = Enumerable.Range(0, writers).Select(_ => subject()).ToList();
        (long Units, TimeSpan Time) b = default, s = default;
        for (var round = 0; round < rounds; round++)
        {
            var br = await Run(baselineLoops, duration / rounds);
            var sr = await Run(subjectLoops, duration / rounds);
            b = (b.Units + br.Units, b.Time + br.Time);
            s = (s.Units + sr.Units, s.Time + sr.Time);
        }

        return (b.Units / b.Time.TotalSeconds, s.Units / s.Time.TotalSeconds);
    }

    /// <summary>One subject alone, for a bound measured once.</summary>
    public static async Task<double> RateOf(int writers, TimeSpan duration, Func<Func<Task<int>>> subject)
    {
        var (units, time) = await Run(Enumerable.Range(0, writers).Select(_ => subject()).ToList(), duration);
        return units / time.TotalSeconds;
    }

    /// <summary>The units one subject's writers complete in about <paramref name="duration"/>, for a caller that times and rounds them itself.</summary>
    public static async Task<long> Count(int writers, TimeSpan duration, Func<Func<Task<int>>> subject) =>
        (await Run(Enumerable.Range(0, writers).Select(_ => subject()).ToList(), duration)).Units;

    private static async Task<(long Units, TimeSpan Time)> Run(IReadOnlyList<Func<Task<int>>> loops, TimeSpan duration)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var running = loops.Select(async loop =>
        {
            await go.Task;
            long done = 0;
            while (clock.Elapsed < duration)
            {
                done += await loop();
            }

            return done;
        }).ToList();
        clock.Start();
        go.SetResult();
        var counts = await Task.WhenAll(running);
        return (counts.Sum(), clock.Elapsed);
    }
}

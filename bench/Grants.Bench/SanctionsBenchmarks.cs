extern alias payments;
using System.Diagnostics;
using System.Globalization;
using payments::Grants.Payments.Sanctions;
using payments::Grants.Payments.Sanctions.Lists;
using payments::Grants.Payments.Sanctions.Matching;

namespace Grants.Bench;

/// <summary>
/// Screening many names against large lists with the service's index, timed, then checked against
/// brute force: every screened name scored by the same scorer against every name of every entry.
/// Screening runs on one thread, as one organisation's screening does; brute force on every core.
/// </summary>
internal sealed class SanctionsBenchmarks(int names, int entries, int bruteForce)
{
    private const double TargetSeconds = 10;

    public string Run()
    {
        var threshold = SanctionsSettings.DefaultThreshold;
        var list = SanctionsData.Entries(entries, seed: 20_000);
        var (screened, planted) = SanctionsData.Screened(list, names, planted: Math.Max(1, names / 50), seed: 10_000);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Cpu();
        var stopwatch = Stopwatch.StartNew();
        var index = new NameIndex(list, threshold);
        var build = stopwatch.Elapsed;
        var buildCpu = Cpu() - cpuBefore;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        cpuBefore = Cpu();
        stopwatch.Restart();
        var found = screened.Select(name => index.Screen(name)).ToList();
        var screening = stopwatch.Elapsed;
        var screeningCpu = Cpu() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var indexed = Keys(found.Take(bruteForce));
        var missed = planted.Where(p => found[screened.IndexOf(p.Name)].All(m => m.Entry.EntryId != p.EntryId)).ToList();
        stopwatch.Restart();
        var brute = BruteForce(list, screened.Take(bruteForce).ToList(), threshold);
        var bruteTime = stopwatch.Elapsed;
        var same = indexed.SetEquals(brute);
        if (!same)
        {
            Environment.ExitCode = 1;
        }

        var total = build + screening;
        var checkedNames = Math.Min(bruteForce, names);
        return string.Join(Environment.NewLine,
        [
            $"Sanctions: {names:N0} names against {entries:N0} entries ({index.NameCount:N0} listed names with aliases), threshold {threshold.ToString(CultureInfo.InvariantCulture)}",
            $"  index build          {build.TotalSeconds,8:F2} s   ({buildCpu.TotalSeconds:F2} s of CPU; {indexBytes / 1048576.0:F1} MB of heap)",
            $"  screening            {screening.TotalSeconds,8:F2} s   {names / screening.TotalSeconds,10:N0} names/s on one thread ({screeningCpu.TotalSeconds:F2} s of CPU; {allocated / 1048576.0:F0} MB allocated)",
            $"  total                {total.TotalSeconds,8:F2} s   target < {TargetSeconds} s: {(total.TotalSeconds < TargetSeconds ? "met" : "MISSED")}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB",
            $"                                 (wall time on a shared machine: load average {LoadAverage()}; CPU time is what the work costs)",
            $"  hits                 {found.Sum(f => f.Count):N0} in {found.Count(f => f.Count > 0):N0} names; planted hits found {planted.Count - missed.Count}/{planted.Count}"
                + string.Concat(missed.Select(m => $"{Environment.NewLine}    missed '{m.Name}', made from entry {m.EntryId}: {string.Join(" | ", list.First(e => e.EntryId == m.EntryId).Names)}")),
            $"  brute force          {bruteTime.TotalSeconds,8:F2} s   {checkedNames:N0} names x {index.NameCount:N0} listed names on {Environment.ProcessorCount} cores: "
                + (same ? $"the same {brute.Count:N0} hits" : $"DIFFERENT: {brute.Except(indexed).Count()} missed by the index, {indexed.Except(brute).Count()} only in the index"),
        ]);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static HashSet<(string Name, string EntryId, double Score)> Keys(IEnumerable<IReadOnlyList<NameMatch>> found) =>
        [.. found.SelectMany(matches => matches.Select(m => (m.ScreenedName, m.Entry.EntryId, Math.Round(m.Score, 6))))];

    /// <summary>The best score of every entry, over all its names, for every screened name; the hits are those at the threshold or above.</summary>
    private static HashSet<(string Name, string EntryId, double Score)> BruteForce(List<ListEntry> list, List<string> names, double threshold)
    {
        var listed = list.Select(e => (e.EntryId, Names: e.Names.Distinct(StringComparer.Ordinal).Select(n => new NameTokens(n)).Where(t => t.Tokens.Length > 0).ToArray())).ToArray();
        var perName = new List<(string, string, double)>[names.Count];
        Parallel.For(0, names.Count, i =>
        {
            var screened = new NameTokens(names[i]);
            var hits = new List<(string, string, double)>();
            foreach (var (entryId, entryNames) in listed)
            {
                var best = 0.0;
                foreach (var name in entryNames)
                {
                    best = Math.Max(best, NameMatcher.Score(screened, name));
                }

                if (best >= threshold)
                {
                    hits.Add((names[i], entryId, Math.Round(best, 6)));
                }
            }

            perName[i] = hits;
        });
        return [.. perName.SelectMany(h => h)];
    }
}

namespace Grants.Bench.Portal;

/// <summary>A page as one person opens it.</summary>
internal sealed record PortalPage(string Name, string Role, string Path);

/// <summary>What one page measured: its latencies over the timed requests, the API calls and the CPU each request cost.</summary>
internal sealed record PageTiming(PortalPage Page, IReadOnlyList<double> Milliseconds, double ApiCalls, CpuTime Cpu)
{
    public const double Budget = 300;
    public const double MaxApiCalls = 5;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Max => Milliseconds[^1];

    public double CpuPerRequest => Cpu.Total * 1000 / Milliseconds.Count;

    public string Misses => string.Join(", ", new[] { P95 > Budget ? "over 300 ms" : null, ApiCalls > MaxApiCalls ? "over 5 API calls" : null }.OfType<string>());

    private double Percentile(double p) => Milliseconds[Math.Min(Milliseconds.Count - 1, (int)Math.Ceiling(p * Milliseconds.Count) - 1)];
}

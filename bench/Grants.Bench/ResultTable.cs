using System.Globalization;

namespace Grants.Bench;

internal static class ResultTable
{
    public static void Print(IReadOnlyList<Measurement> results)
    {
        var rateOf = results.ToDictionary(r => r.Scenario, r => r.Rate);
        var width = results.Max(r => r.Scenario.Length);
        Console.WriteLine();
        Console.WriteLine($"| {"scenario".PadRight(width)} | {"rate",12} | {"unit",-8} | {"vs baseline",11} |");
        Console.WriteLine($"|{new string('-', width + 2)}|{new string('-', 14)}|{new string('-', 10)}|{new string('-', 13)}|");
        foreach (var r in results)
        {
            var ratio = r.Baseline.Length > 0 ? (r.Rate / rateOf[r.Baseline]).ToString("P0", CultureInfo.InvariantCulture) : "baseline";
            Console.WriteLine($"| {r.Scenario.PadRight(width)} | {r.Rate.ToString("N0", CultureInfo.InvariantCulture),12} | {r.Unit,-8} | {ratio,11} |");
        }
    }
}

using System.Globalization;

namespace Grants.Bench;

/// <summary>
/// CPU seconds used by this process and by the servers it started (its descendants), per component.
/// The machine is shared: a rate tells as much about the neighbours' builds as about the code, the
/// CPU one unit of work costs does not.
/// </summary>
internal sealed record CpuTime(double Bench, double Postgres, double RabbitMq)
{
    // USER_HZ, the unit of /proc/[pid]/stat times, is 100 on every Linux the bench runs on.
    private const double TicksPerSecond = 100;

    public static CpuTime Zero { get; } = new(0, 0, 0);

    public double Total => Bench + Postgres + RabbitMq;

    public static CpuTime operator -(CpuTime a, CpuTime b) => new(a.Bench - b.Bench, a.Postgres - b.Postgres, a.RabbitMq - b.RabbitMq);

    public static CpuTime operator +(CpuTime a, CpuTime b) => new(a.Bench + b.Bench, a.Postgres + b.Postgres, a.RabbitMq + b.RabbitMq);

    public static CpuTime Now()
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<ProcessStat>()
            .ToList();
        var children = stats.ToLookup(s => s.ParentId);
        var self = Environment.ProcessId;
        double bench = 0, postgres = 0, rabbitMq = 0;
        var pending = new Stack<ProcessStat>(stats.Where(s => s.Id == self));
        while (pending.TryPop(out var process))
        {
            // A process's own time, plus that of its children already reaped (the server's exited backends).
            var seconds = process.Id == self ? process.Own : process.Own + process.Reaped;
            if (process.Id == self)
            {
                bench += seconds;
            }
            else if (process.Name == "postgres")
            {
                postgres += seconds;
            }
            else if (process.Name.StartsWith("beam", StringComparison.Ordinal) || process.Name is "erl_child_setup" or "epmd" or "inet_gethost")
            {
                rabbitMq += seconds;
            }

            foreach (var child in children[process.Id])
            {
                pending.Push(child);
            }
        }

        return new CpuTime(bench, postgres, rabbitMq);
    }

    public string PerUnit(long units) =>
        string.Create(CultureInfo.InvariantCulture, $"{Total * 1000 / units:F2} ms (bench process {Bench * 1000 / units:F2}, PostgreSQL {Postgres * 1000 / units:F2}, RabbitMQ {RabbitMq * 1000 / units:F2})");

    private static ProcessStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The name is in parentheses and may itself contain spaces and parentheses.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var fields = text[(close + 2)..].Split(' ');
        double Seconds(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new ProcessStat(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), text[(open + 1)..close], Seconds(14) + Seconds(15), Seconds(16) + Seconds(17));
    }

    private sealed record ProcessStat(int Id, int ParentId, string Name, double Own, double Reaped);
}

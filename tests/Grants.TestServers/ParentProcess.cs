using System.Globalization;

namespace Grants.TestServers;

internal static class ParentProcess
{
    // The fourth field of /proc/self/stat; the second (the command name, in parentheses) may itself hold spaces.
    public static int Id()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }
}

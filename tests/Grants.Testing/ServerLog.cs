namespace Grants.Testing;

internal static class ServerLog
{
    public static string Tail(string path, int lines = 40)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return all.Length == 0 ? $"({path} is empty)" : string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"({path} cannot be read: {e.Message})";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"({path} cannot be read: {e.Message})";
        }
    }

    public static bool ShowsPortClash(string path) =>
        Tail(path, 200) is var tail
        && (tail.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
            || tail.Contains("eaddrinuse", StringComparison.OrdinalIgnoreCase));
}

namespace Grants.Testing;

internal static class ExecutableSearch
{
    public static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsExecutable(string path) =>
        File.Exists(path) && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    // The first directory holding every one of the named executables.
    public static string? DirectoryWithAll(IEnumerable<string> directories, params string[] names) =>
        directories.FirstOrDefault(directory => names.All(name => IsExecutable(Path.Combine(directory, name))));
}

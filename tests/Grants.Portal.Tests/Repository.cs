namespace Grants.Portal.Tests;

/// <summary>The checkout the tests run from, for the tests that read its files (resources, docker-compose.yml).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Grants.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Grants.sln above {AppContext.BaseDirectory}.");
    }
}

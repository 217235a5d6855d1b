namespace Grants.Cli;

/// <summary>Where the development signing key lives unless <c>--key</c> says otherwise.</summary>
internal static class DevelopmentKey
{
    public const string RelativePath = ".grants/keys/signing-key.pem";

    public static string Path(CommandOptions options, string workingDirectory) =>
        options.Single("key") is { } key
            ? System.IO.Path.GetFullPath(key, workingDirectory)
            : System.IO.Path.Combine(RepositoryRoot(workingDirectory), RelativePath);

    // The repository root holds Grants.sln; outside a checkout the working directory stands in for it.
    private static string RepositoryRoot(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Grants.sln")))
            {
                return directory.FullName;
            }
        }

        return workingDirectory;
    }
}

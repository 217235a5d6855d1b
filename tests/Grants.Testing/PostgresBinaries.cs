using System.Globalization;

namespace Grants.Testing;

internal sealed record PostgresBinaries(string Directory)
{
    private const string Installed = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string Postgres => Path.Combine(Directory, "postgres");

    // Debian puts the server in /usr/lib/postgresql/<major>/bin, off the PATH; the newest major wins.
    public static PostgresBinaries Find()
    {
        var versioned = System.IO.Directory.Exists(Installed)
            ? System.IO.Directory.GetDirectories(Installed)
                .Select(path => (Path: Path.Combine(path, "bin"), Major: int.TryParse(Path.GetFileName(path), CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(candidate => candidate.Major >= 0)
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => candidate.Path)
            : [];

        var found = ExecutableSearch.DirectoryWithAll(versioned.Concat(ExecutableSearch.PathDirectories()), "initdb", "postgres");
        return found is null
            ? throw new ServerStartException(
                $"PostgreSQL server binaries (initdb, postgres) were found neither in {Installed}/<version>/bin nor on PATH. " +
                "Install them with `apt-get install postgresql`, or point GRANTS_TEST_POSTGRES at a server.")
            : new PostgresBinaries(found);
    }
}

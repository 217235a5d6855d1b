namespace Grants.Bench;

internal static class BenchHosts
{
    /// <summary>WebApplicationFactory looks for a host's folder beside a test project; the bench says where each one is.</summary>
    public static void PointContentRoots()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Grants.sln")))
        {
            root = root.Parent;
        }

        var services = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Grants.sln is not above the bench."), "services");
        foreach (var host in new[] { "Applications", "Review", "Payments", "Portal" })
        {
            Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_GRANTS_{host.ToUpperInvariant()}", Path.Combine(services, host));
        }
    }
}

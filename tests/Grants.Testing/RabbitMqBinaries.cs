namespace Grants.Testing;

internal sealed record RabbitMqBinaries(string Server, string Epmd)
{
    public string Ctl => Path.Combine(Path.GetDirectoryName(Server)!, "rabbitmqctl");

    private const string Installed = "/usr/lib/rabbitmq";

    // Debian's /usr/sbin/rabbitmq-server is a wrapper that switches to the rabbitmq user and its
    // system-wide node; the real script lives under /usr/lib/rabbitmq.
    public static RabbitMqBinaries Find()
    {
        var releases = Directory.Exists(Path.Combine(Installed, "lib"))
            ? Directory.GetDirectories(Path.Combine(Installed, "lib"), "rabbitmq_server-*")
                .Order(StringComparer.Ordinal)
                .Reverse()
                .Select(release => Path.Combine(release, "sbin"))
            : [];
        var path = ExecutableSearch.PathDirectories().Where(directory => directory.TrimEnd('/') != "/usr/sbin");
        var server = ExecutableSearch.DirectoryWithAll([Path.Combine(Installed, "bin"), .. releases, .. path], "rabbitmq-server");
        var epmd = ExecutableSearch.DirectoryWithAll([.. ExecutableSearch.PathDirectories(), "/usr/lib/erlang/bin"], "epmd");
        if (server is null || epmd is null)
        {
            throw new ServerStartException(
                $"RabbitMQ was not found ({(server is null ? $"no rabbitmq-server in {Installed}/bin or on PATH" : "no Erlang epmd on PATH")}). " +
                "Install it with `apt-get install rabbitmq-server`, or point GRANTS_TEST_RABBITMQ at a broker.");
        }

        return new RabbitMqBinaries(Path.Combine(server, "rabbitmq-server"), Path.Combine(epmd, "epmd"));
    }
}

namespace Grants.Testing;

public sealed record PostgresServerOptions
{
    // Tests trade durability for speed; a benchmark measuring commit latency wants it on.
    public bool Durable { get; init; }

    // Extra server settings, passed as `-c name=value`; they win over the defaults here.
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public string Database { get; init; } = "grants";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    internal IReadOnlyDictionary<string, string> EffectiveSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["max_connections"] = "200",
        };
        if (!Durable)
        {
            settings["fsync"] = "off";
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
        }

        foreach (var (name, value) in Settings)
        {
            settings[name] = value;
        }

        return settings;
    }
}

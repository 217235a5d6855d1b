namespace Grants.Cli;

/// <summary><c>--name value</c> (or <c>--name=value</c>) pairs; a name may repeat where the command allows it.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static CommandOptions Parse(string[] args, IReadOnlyCollection<string> names)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'; options are {string.Join(", ", names.Select(n => "--" + n))}.");
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Length ? args[++i] : throw new UsageException($"{arg} needs a value."));
            if (!names.Contains(name))
            {
                throw new UsageException($"Unknown option --{name}; options are {string.Join(", ", names.Select(n => "--" + n))}.");
            }

            if (!options._values.TryGetValue(name, out var values))
            {
                options._values[name] = values = [];
            }

            values.Add(value);
        }

        return options;
    }

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public string? Single(string name) => All(name) switch
    {
        [] => null,
        [var value] => value,
        _ => throw new UsageException($"--{name} may be given only once."),
    };
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grants.EventSourcing;

public sealed partial class EventStoreOptions
{
    public const int DefaultMaxEventBytes = 1024 * 1024;

    private string _schema = "events";

    /// <summary>The PostgreSQL schema holding this service's store; one per service.</summary>
    public string Schema
    {
        get => _schema;
        set => _schema = SchemaName().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid schema name (lower case letters, digits, underscore).", nameof(value));
    }

    public int MaxEventBytes { get; set; } = DefaultMaxEventBytes;

    public EventTypes Types { get; } = new EventTypes().Register<IntegrityDigestRecorded>(IntegrityDigest.EventType);

    /// <summary>Run in the appending transaction, so a reader of their tables sees its own writes.</summary>
    public IList<IProjection> InlineProjections { get; } = [];

    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}

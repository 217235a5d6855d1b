using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grants.EventSourcing;

/// <summary>
/// Maps stable event type names, the ones stored in <c>events.type</c>, to CLR types, so that renaming
/// or moving a class never breaks the events already written.
/// </summary>
public sealed class EventTypes
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();
    private readonly ConcurrentDictionary<string, JsonTypeInfo> _jsonByName = new(StringComparer.Ordinal);

    public EventTypes Register<TEvent>(string name) => Register(typeof(TEvent), name);

    public EventTypes Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_byName.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"Event type name '{name}' is already mapped to {existing.FullName}.", nameof(name));
        }

        if (_byType.TryGetValue(type, out var existingName) && existingName != name)
        {
            throw new ArgumentException($"{type.FullName} is already registered as '{existingName}'.", nameof(type));
        }

        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name)
            ? name
            : throw new UnknownEventTypeException(type.FullName ?? type.Name, "register the CLR type with a stable name before appending it.");

    public Type TypeOf(string name) =>
        _byName.TryGetValue(name, out var type)
            ? type
            : throw new UnknownEventTypeException(name, "no CLR type is mapped to this name; the event cannot be read.");

    internal JsonTypeInfo JsonTypeOf(string name, JsonSerializerOptions json) =>
        _jsonByName.GetOrAdd(name, (n, o) =>
        {
            // Serializing locks the options on first use anyway; type metadata needs them locked.
            o.MakeReadOnly(populateMissingResolver: true);
            return o.GetTypeInfo(TypeOf(n));
        }, json);
}

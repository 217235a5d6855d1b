using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Hosting.Scheduling;

/// <summary>
/// A command type that may be scheduled, under the stable name stored with its trigger, so that
/// renaming or moving the class never strands the triggers already stored.
/// </summary>
internal sealed record ScheduledCommandType(string Name, Type Type, Func<IServiceProvider, object, ScheduledFiring, CancellationToken, Task> Dispatch)
{
    public static ScheduledCommandType Of<TCommand>(string name)
        where TCommand : notnull =>
        new(name, typeof(TCommand), (services, command, firing, ct) =>
            services.GetRequiredService<IScheduledCommandHandler<TCommand>>().Handle((TCommand)command, firing, ct));
}

/// <summary>Every scheduled command type registered with <see cref="SchedulingServices.AddScheduledCommand{TCommand, THandler}"/>.</summary>
internal sealed class ScheduledCommandTypes
{
    private readonly Dictionary<string, ScheduledCommandType> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ScheduledCommandType> _byType = [];

    public ScheduledCommandTypes(IEnumerable<ScheduledCommandType> types)
    {
        foreach (var type in types)
        {
            if (!_byName.TryAdd(type.Name, type) && _byName[type.Name].Type != type.Type)
            {
                throw new ArgumentException($"Scheduled command name '{type.Name}' is mapped to both {_byName[type.Name].Type} and {type.Type}.", nameof(types));
            }

            if (!_byType.TryAdd(type.Type, type) && _byType[type.Type].Name != type.Name)
            {
                throw new ArgumentException($"{type.Type} is registered as both '{_byType[type.Type].Name}' and '{type.Name}'.", nameof(types));
            }
        }
    }

    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public ScheduledCommandType Of(Type type) =>
        _byType.TryGetValue(type, out var found)
            ? found
            : throw new InvalidOperationException($"{type} is not a scheduled command; register it with AddScheduledCommand.");

    public ScheduledCommandType Named(string name) =>
        _byName.TryGetValue(name, out var found)
            ? found
            : throw new InvalidOperationException($"No scheduled command is registered as '{name}'.");
}

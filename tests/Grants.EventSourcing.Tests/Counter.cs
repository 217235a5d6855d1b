using Grants.EventSourcing;

namespace Grants.EventSourcing.Tests;

public sealed record Incremented(int By, string? Note = null);

public sealed record Renamed(string Name);

/// <summary>The smallest aggregate that shows whether events were folded in order.</summary>
public sealed record Counter(int Total, string Name, int Events) : IEventSourced<Counter>
{
    public static Counter Initial { get; } = new(0, "", 0);

    public static Counter Evolve(Counter state, object @event) => @event switch
    {
        Incremented e => state with { Total = state.Total + e.By, Events = state.Events + 1 },
        Renamed e => state with { Name = e.Name, Events = state.Events + 1 },
        _ => state,
    };

    public static EventStoreOptions Options(string schema)
    {
        var options = new EventStoreOptions { Schema = schema };
        options.Types.Register<Incremented>("counter.incremented").Register<Renamed>("counter.renamed");
        return options;
    }
}

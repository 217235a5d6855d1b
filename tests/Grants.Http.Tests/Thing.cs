using Grants.EventSourcing;

namespace Grants.Http.Tests;

public sealed record ThingCreated(string Title, decimal Amount, string Currency);

public sealed record ThingRenamed(string Title);

/// <summary>The aggregate behind the test endpoints: enough state to show what was stored.</summary>
public sealed record Thing(string Title, decimal Amount, string Currency) : IEventSourced<Thing>
{
    public static Thing Initial { get; } = new("", 0, "");

    public static Thing Evolve(Thing state, object @event) => @event switch
    {
        ThingCreated e => new Thing(e.Title, e.Amount, e.Currency),
        ThingRenamed e => state with { Title = e.Title },
        _ => state,
    };

    public static void Register(EventStoreOptions options) =>
        options.Types.Register<ThingCreated>("test.thing_created").Register<ThingRenamed>("test.thing_renamed");
}

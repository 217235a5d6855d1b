using System.Collections.Concurrent;
using Grants.Hosting.Scheduling;

namespace Grants.Hosting.Tests;

public sealed record Ping(string Note);

public sealed record Firing(string Node, string Key, Ping Command, DateTimeOffset ScheduledFor);

/// <summary>Every ping any node in the test sent, in order.</summary>
public sealed class Firings
{
    private readonly ConcurrentQueue<Firing> _all = new();

    public IReadOnlyList<Firing> All => [.. _all];

    public void Add(Firing firing) => _all.Enqueue(firing);

    /// <summary>Waits until at least <paramref name="count"/> have fired, or the limit passes.</summary>
    public async Task<IReadOnlyList<Firing>> Await(int count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (_all.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return All;
    }
}

public sealed record NodeName(string Value);

/// <summary>Records which node sent the ping; the decider of a real service would append instead.</summary>
public sealed class RecordPing(Firings firings, NodeName node) : IScheduledCommandHandler<Ping>
{
    public const string FailsOnce = "fails once";

    public Task Handle(Ping command, ScheduledFiring firing, CancellationToken ct)
    {
        firings.Add(new Firing(node.Value, firing.Key, command, firing.ScheduledFor));
        return command.Note == FailsOnce && firings.All.Count(f => f.Key == firing.Key) == 1
            ? throw new InvalidOperationException("the database went away for a moment")
            : Task.CompletedTask;
    }
}

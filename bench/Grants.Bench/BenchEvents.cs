using System.Text.Json;
using Grants.EventSourcing;

namespace Grants.Bench;

/// <summary>An event shaped like the real ones: ids, an amount with its currency, a date, a reason.</summary>
public sealed record TranchePaid(Guid GrantId, decimal Amount, string Currency, DateOnly ValueDate, string Reference);

public sealed record GrantTotals(int Payments, decimal Paid) : IEventSourced<GrantTotals>
{
    public static GrantTotals Initial { get; } = new(0, 0m);

    public static GrantTotals Evolve(GrantTotals state, object @event) => @event is TranchePaid paid
        ? new GrantTotals(state.Payments + 1, state.Paid + paid.Amount)
        : state;
}

/// <summary>A submitted application's size: its frozen content travels in the event.</summary>
public sealed record ContentFrozen(Guid ApplicationId, JsonElement Content, string ContentHash);

/// <summary>What counts a submission against its organisation's limit.</summary>
public sealed record SubmissionTallied(Guid ApplicationId);

internal static class BenchEvents
{
    public const string Type = "bench.tranche_paid";

    public static EventStoreOptions Options(string schema)
    {
        var options = new EventStoreOptions { Schema = schema };
        options.Types.Register<TranchePaid>(Type).Register<ContentFrozen>("bench.content_frozen").Register<SubmissionTallied>("bench.submission_tallied");
        return options;
    }

    /// <summary>One event on a new stream: the least an append costs (the stream row, the hash chain, the log's indexes).</summary>
    public static async Task<int> AppendOne(EventStore store)
    {
        var grant = Guid.NewGuid();
        var session = store.OpenSession(new EventMetadata(Source: "bench"));
        session.StartStream(grant, "grant", Next(grant, 0));
        await session.SaveChanges(CancellationToken.None);
        return 1;
    }

    public static TranchePaid Next(Guid grant, long i) =>
        new(grant, 1000m + (i % 997), "EUR", new DateOnly(2026, 1, 1).AddDays((int)(i % 365)), $"PB-2026-{i:D8}");
}

extern alias review;
using System.Diagnostics;
using System.Globalization;
using Grants.Contracts;
using Grants.Contracts.Funding;
using Grants.EventSourcing;
using Grants.Hosting;
using Grants.Hosting.Messaging;
using Npgsql;
using review::Grants.Review.Calls;
using review::Grants.Review.Cases;
using review::Grants.Review.Decisions;

namespace Grants.Bench;

/// <summary>
/// Ranking and deciding one call of many reviewed applications, the way the Review service does it:
/// the call's stream folded into its state, ranked, every decision proposed in one command and
/// confirmed in another. Once in memory (the deciders alone), once through the store (the
/// endpoints' path: read the whole call stream, decide, append with its version).
/// </summary>
internal sealed class ReviewBenchmarks(NpgsqlDataSource dataSource, string schema, int applications)
{
    private const decimal Requested = 100_000m;

    public async Task<string> Run()
    {
        var options = new EventStoreOptions { Schema = schema };
        new GrantsService(options, GrantsMessaging.For("bench")).AddCalls();
        var store = new EventStore(dataSource, options);
        await store.EnsureSchema(CancellationToken.None);
        var history = History(Guid.NewGuid());
        var lines = new List<string> { $"Review: one call of {applications:N0} reviewed applications ({history.Count:N0} events before deciding)" };
        lines.Add(Measure("in memory: fold the call", () => Fold(history)));
        var call = Fold(history);
        lines.Add(Measure("in memory: rank", () => Ranking.Of(call)));
        var proposed = FundingDecider.Decide(Proposal(call), call);
        lines.Add(Measure("in memory: propose every decision", () => FundingDecider.Decide(Proposal(call), call)));
        var withProposals = proposed.Aggregate(call, CallReview.Evolve);
        lines.Add(Measure("in memory: confirm every decision", () => FundingDecider.Decide(Confirmation(withProposals), withProposals)));

        var callId = Guid.NewGuid();
        await Seed(store, History(callId));
        lines.Add(await MeasureAsync("store: read, rank", async () => Ranking.Of((await store.AggregateStream<CallReview>(callId)).State)));
        lines.Add(await MeasureAsync("store: read, propose every decision, append", () => Decide(store, callId, Proposal)));
        lines.Add(await MeasureAsync("store: read, confirm every decision, append", () => Decide(store, callId, Confirmation)));
        return string.Join(Environment.NewLine, lines);
    }

    private List<object> History(Guid callId)
    {
        var events = new List<object>
        {
            new CallRulesRecorded(callId, "BENCH", "Bench call", 1, ["theme"], new CaseRules([new Criterion("relevance", 1, 3)], 3, 3, 21),
                Money.Eur(Requested * applications / 10), DateTimeOffset.UtcNow),
        };
        var random = new Random(42);
        var submitted = DateTimeOffset.UtcNow.AddDays(-30);
        for (var n = 0; n < applications; n++)
        {
            var id = Guid.NewGuid();
            events.Add(new ApplicationEnteredReview(id, Guid.NewGuid(), Money.Eur(Requested), submitted.AddMinutes(n)));
            var score = random.Next(100, 501) / 100m;
            events.Add(new ApplicationReviewed(id, score, score >= 3));
        }

        events.Add(new CallClosedForSubmissions(DateTimeOffset.UtcNow));
        return events;
    }

    private static CallReview Fold(List<object> history) => history.Aggregate(CallReview.Initial, CallReview.Evolve);

    /// <summary>Awards down the ranking while the envelope allows, the other passing applications to the reserve list, the rest rejected.</summary>
    private static ProposeDecisions Proposal(CallReview call)
    {
        var left = call.Known.Envelope.Amount - call.Awarded;
        var decisions = Ranking.Of(call).Applications.Select(a =>
        {
            if (!a.PassedThresholds)
            {
                return new ProposedDecision(a.ApplicationId, FundingOutcome.Reject, null, ["Below the thresholds"]);
            }

            if (left < a.RequestedAmount.Amount)
            {
                return new ProposedDecision(a.ApplicationId, FundingOutcome.ReserveList, null, []);
            }

            left -= a.RequestedAmount.Amount;
            return new ProposedDecision(a.ApplicationId, FundingOutcome.Award, a.RequestedAmount, []);
        }).ToList();
        return new ProposeDecisions(decisions, new Actor("olivia", "officer"), DateTimeOffset.UtcNow);
    }

    private static ConfirmDecisions Confirmation(CallReview call) =>
        new([.. call.Proposals.Keys], new Actor("adam", "approver"), DateTimeOffset.UtcNow);

    private static async Task<int> Decide(EventStore store, Guid callId, Func<CallReview, FundingCommand> command)
    {
        var session = store.OpenSession(new EventMetadata(callId, Source: "bench"));
        var call = await session.FetchForWriting<CallReview>(callId, CancellationToken.None);
        var events = FundingDecider.Decide(command(call.State), call.State);
        session.Append(callId, call.Version, events);
        await session.SaveChanges(CancellationToken.None);
        return events.Count;
    }

    private static async Task Seed(EventStore store, List<object> history)
    {
        var callId = ((CallRulesRecorded)history[0]).CallId;
        for (var version = 0; version < history.Count; version += 1000)
        {
            var session = store.OpenSession(new EventMetadata(callId, Source: "bench"));
            var batch = history.Skip(version).Take(1000);
            if (version == 0)
            {
                session.StartStream(callId, "review-call", batch);
            }
            else
            {
                session.Append(callId, version, batch);
            }

            await session.SaveChanges(CancellationToken.None);
        }
    }

    /// <summary>In memory, after one warm-up run, so the figure is the deciders' and not the JIT's.</summary>
    private static string Measure<T>(string what, Func<T> run)
    {
        run();
        return MeasureAsync(what, () => Task.FromResult(run())).GetAwaiter().GetResult();
    }

    private static async Task<string> MeasureAsync<T>(string what, Func<Task<T>> run)
    {
        GC.Collect();
        var total = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - total;
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what,-48} {clock.Elapsed.TotalMilliseconds,9:N0} ms {bytes / 1024.0 / 1024.0,9:N1} MB allocated, heap after {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N1} MB");
    }
}

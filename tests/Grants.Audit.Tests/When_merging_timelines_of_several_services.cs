extern alias cli;

using cli::Grants.Cli.Audit;
using Grants.Hosting.Audit;
using Grants.Hosting.Messaging;

namespace Grants.Audit.Tests;

public sealed class When_merging_timelines_of_several_services
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Application = Guid.NewGuid();

    [Fact]
    public void Should_put_an_event_after_its_cause_even_when_its_clock_is_behind()
    {
        var submitted = Event("applications", 1, Guid.NewGuid(), 1, T0);
        var caseOpened = Event("review", 7, Guid.NewGuid(), 1, T0.AddSeconds(-30), causation: submitted.MessageId);
        var scored = Event("review", 8, caseOpened.StreamId, 2, T0.AddSeconds(-20));
        var screened = Event("payments", 3, Guid.NewGuid(), 1, T0.AddSeconds(5), causation: submitted.MessageId);
        var updated = Event("applications", 2, submitted.StreamId, 2, T0.AddSeconds(10));

        var merged = CausalOrder.Merge([updated, scored, screened, caseOpened, submitted]);

        Assert.Equal([submitted, caseOpened, scored, screened, updated], merged.Select(m => m.Event));
        Assert.Equal([null, 1, null, 1, null], merged.Select(m => m.CausedBy));
    }

    [Fact]
    public void Should_keep_each_services_log_order_when_clocks_disagree()
    {
        var first = Event("payments", 10, Guid.NewGuid(), 1, T0.AddSeconds(3));
        var second = Event("payments", 11, Guid.NewGuid(), 1, T0.AddSeconds(1));
        var other = Event("review", 1, Guid.NewGuid(), 1, T0.AddSeconds(2));

        var merged = CausalOrder.Merge([second, other, first]);

        Assert.Equal([other, first, second], merged.Select(m => m.Event));
    }

    private static AuditEvent Event(string service, long sequence, Guid stream, long version, DateTimeOffset time, Guid? causation = null) =>
        new(service, sequence, (ulong)sequence, Guid.NewGuid(), MessageIds.For(stream, version), time, stream, "stream", version, "type",
            "user", "role", null, "api", null, Application, causation, "");
}

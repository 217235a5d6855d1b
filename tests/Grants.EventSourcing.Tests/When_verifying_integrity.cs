namespace Grants.EventSourcing.Tests;

public sealed class When_verifying_integrity
{
    [Fact]
    public async Task Should_pass_an_untouched_store_of_ten_thousand_events()
    {
        await using var scope = await StoreScope.Create();
        for (var s = 0; s < 1000; s++)
        {
            await scope.Append(Guid.NewGuid(), 0, Enumerable.Range(1, 10).Select(i => (object)new Incremented(i, $"event {i} of stream {s}")).ToArray());
        }

        await new IntegrityDigest(scope.Store).Record(new EventMetadata(Source: "test"), CancellationToken.None);
        var report = await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None);

        Assert.True(report.IsIntact, string.Join("\n", report.DamagedStreams.Select(d => d.Problem)));
        Assert.Equal(10_001, report.EventsChecked);
        Assert.Equal(1001, report.StreamsChecked);
        Assert.Equal(1, report.DigestsChecked);
    }

    [Theory]
    [InlineData("payload", "update {s}.events set data = jsonb_set(data, '{by}', '1000') where stream_id = $1 and version = 2", 2L)]
    [InlineData("metadata", "update {s}.events set headers = jsonb_set(headers, '{user}', '\"mallory\"') where stream_id = $1 and version = 2", 2L)]
    [InlineData("correlation", "update {s}.events set correlation_id = gen_random_uuid() where stream_id = $1 and version = 3", 3L)]
    [InlineData("timestamp", "update {s}.events set timestamp = timestamp - interval '1 day' where stream_id = $1 and version = 1", 1L)]
    [InlineData("deleted middle event", "delete from {s}.events where stream_id = $1 and version = 2", 3L)]
    [InlineData("swapped payloads", "update {s}.events e set data = o.data from {s}.events o where e.stream_id = $1 and o.stream_id = $1 and e.version + o.version = 3", 1L)]
    public async Task Should_report_the_first_broken_event_of_the_damaged_stream(string damage, string tamper, long brokenVersion)
    {
        await using var scope = await StoreScope.Create();
        var (victim, bystander) = await TwoStreams(scope);

        Assert.True(await scope.Execute(tamper, victim) > 0, $"the {damage} tampering changed nothing");
        var report = await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None);

        var damaged = Assert.Single(report.DamagedStreams);
        Assert.Equal(victim, damaged.StreamId);
        Assert.Equal(brokenVersion, damaged.Version);
        Assert.DoesNotContain(report.DamagedStreams, d => d.StreamId == bystander);
    }

    [Fact]
    public async Task Should_report_swapped_events_at_the_first_swapped_version()
    {
        await using var scope = await StoreScope.Create();
        var (victim, _) = await TwoStreams(scope);

        await scope.Execute("update {s}.events set version = -version where stream_id = $1 and version in (1, 2)", victim);
        await scope.Execute("update {s}.events set version = 3 + version where stream_id = $1 and version in (-1, -2)", victim);
        var damaged = Assert.Single((await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None)).DamagedStreams);

        Assert.Equal(victim, damaged.StreamId);
        Assert.Equal(1, damaged.Version);
    }

    [Fact]
    public async Task Should_report_a_deleted_last_event_through_the_stream_head()
    {
        await using var scope = await StoreScope.Create();
        var (victim, _) = await TwoStreams(scope);

        await scope.Execute("delete from {s}.events where stream_id = $1 and version = 3", victim);
        var damaged = Assert.Single((await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None)).DamagedStreams);

        Assert.Equal(victim, damaged.StreamId);
        Assert.Null(damaged.Version);
        Assert.Contains("version 3", damaged.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_deleted_last_event_through_the_digest_when_the_head_was_rewritten_too()
    {
        await using var scope = await StoreScope.Create();
        var (victim, _) = await TwoStreams(scope);
        // A digest covers what is below the log horizon; another test's open transaction may hold it back.
        await scope.ReadLogUntil(LogPosition.Start, 6);
        await new IntegrityDigest(scope.Store).Record(new EventMetadata(Source: "job"), CancellationToken.None);

        await scope.Execute("delete from {s}.events where stream_id = $1 and version = 3", victim);
        await scope.Execute(
            "update {s}.streams s set version = 2, head_hash = e.hash from {s}.events e where s.id = $1 and e.stream_id = $1 and e.version = 2",
            victim);
        var report = await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None);

        Assert.Empty(report.DamagedStreams);
        var digest = Assert.Single(report.DamagedDigests);
        Assert.Contains("2 streams with 6 events", digest.Problem, StringComparison.Ordinal);
        Assert.Contains("2 streams with 5 events", digest.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_events_whose_stream_row_was_removed()
    {
        await using var scope = await StoreScope.Create();
        var (victim, _) = await TwoStreams(scope);

        await scope.Execute("delete from {s}.streams where id = $1", victim);
        var damaged = Assert.Single((await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None)).DamagedStreams);

        Assert.Equal(victim, damaged.StreamId);
        Assert.Contains("no stream row", damaged.Problem, StringComparison.Ordinal);
    }

    private static async Task<(Guid Victim, Guid Bystander)> TwoStreams(StoreScope scope)
    {
        var victim = Guid.NewGuid();
        var bystander = Guid.NewGuid();
        foreach (var id in new[] { victim, bystander })
        {
            await scope.Append(id, 0, new Incremented(1));
            await scope.Append(id, 1, new Incremented(2), new Renamed("second"));
        }

        Assert.True((await new IntegrityVerifier(scope.Store).Verify(CancellationToken.None)).IsIntact);
        return (victim, bystander);
    }
}

using System.Text.Json;
using Grants.Hosting.Messaging;

namespace Grants.Audit.Tests;

/// <summary>Two kit services, each with its own schema and clock, the way Applications and Payments hold one application's history.</summary>
public sealed class TwoServices : IAsyncLifetime
{
    public AuditScene Applications { get; } = new("applications");

    public AuditScene Payments { get; } = new("payments");

    public IReadOnlyList<AuditScene> Both => [Applications, Payments];

    public Task InitializeAsync() => Task.WhenAll(Applications.InitializeAsync(), Payments.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Applications.DisposeAsync(), Payments.DisposeAsync());
}

public sealed class When_an_application_crosses_services(TwoServices services) : IClassFixture<TwoServices>
{
    [Fact]
    public async Task Should_merge_the_services_histories_causes_first_even_when_a_clock_is_behind()
    {
        var (application, grant) = (Guid.NewGuid(), Guid.NewGuid());
        services.Applications.Clock.Advance(TimeSpan.FromHours(1));
        await services.Applications.Append(application, 0, new EventMetadata(application, null, "ngo-1", "applicant"), new DossierOpened("Radios", 1000m));
        // Payments' clock is an hour behind, so by time alone its answer would come first.
        await services.Payments.Append(grant, 0, new EventMetadata(application, MessageIds.For(application, 1), Source: "consumer:funding-decided"),
            new DossierOpened("Grant for radios", 900m));
        services.Applications.Clock.Advance(TimeSpan.FromMinutes(1));
        await services.Applications.Append(application, 1, new EventMetadata(application, null, "olga", "officer"), new DossierAmended(900m, "Awarded 900"));

        var (exit, output, error) = await AuditScene.CliOver(services.Both, "timeline", application.ToString(), "--format", "json");
        var (exportExit, csv, _) = await AuditScene.CliOver(services.Both, "export", application.ToString(), "--format", "csv");
        var (stateExit, state, stateError) = await AuditScene.CliOver(services.Both, "state", grant.ToString());

        Assert.True(exit == 0, error);
        var events = JsonDocument.Parse(output).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["applications", "payments", "applications"], events.Select(e => e.GetProperty("event").GetProperty("service").GetString()));
        Assert.Equal([1, 2, 3], events.Select(e => e.GetProperty("number").GetInt32()));
        Assert.Equal(1, events[1].GetProperty("causedBy").GetInt32());
        Assert.Equal(0, exportExit);
        var rows = Csv.Parse(csv);
        Assert.Equal(["applications", "payments", "applications"], rows.Skip(1).Select(r => r[0]));
        Assert.True(stateExit == 0, stateError);
        Assert.Equal("payments", JsonDocument.Parse(state).RootElement.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Should_fail_verify_when_one_service_is_damaged_and_name_only_that_one()
    {
        var id = Guid.NewGuid();
        await services.Payments.Append(id, 0, new EventMetadata(id), new DossierOpened("Grant", 900m));
        await services.Applications.Append(Guid.NewGuid(), 0, new EventMetadata(id), new DossierOpened("Application", 900m));
        await services.Payments.Execute("update {s}.streams set version = 5 where id = $1", id);

        var (exit, output, _) = await AuditScene.CliOver(services.Both, "verify");

        Assert.Equal(1, exit);
        Assert.Contains("applications: intact", output, StringComparison.Ordinal);
        Assert.Contains("payments: DAMAGED", output, StringComparison.Ordinal);
        Assert.Contains($"stream {id} (dossier) stream head: The stream head records version 5", output, StringComparison.Ordinal);
        await services.Payments.Execute("update {s}.streams set version = 1 where id = $1", id);
    }
}

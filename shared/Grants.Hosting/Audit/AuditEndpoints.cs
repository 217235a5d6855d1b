using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.EventSourcing;
using Grants.Hosting.Http;
using Grants.Hosting.Scheduling;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Hosting.Audit;

/// <summary>
/// The auditor's endpoints, the same in every service: the timeline and export of an id, a stream's
/// state at an instant, the integrity of the whole store, and a replay of the projections. They read
/// only; replay writes nothing but its own replay schema.
/// </summary>
public static class AuditEndpoints
{
    // A state is read by people: its enums by name, whatever the service's own JSON settings say.
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IServiceCollection AddGrantsAudit(this IServiceCollection services, GrantsAudit audit)
    {
        services.AddSingleton(audit);
        services.AddSingleton(EventHistory.Migrations);
        services.AddSingleton(sp => new EventHistory(sp.GetRequiredService<EventStore>()));
        return services;
    }

    public static IEndpointRouteBuilder MapGrantsAudit(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/audit").RequireAuthorization(GrantsPolicies.Auditor).WithTags("Audit");
        audit.MapGet("/timeline/{id:guid}", Timeline);
        audit.MapGet("/state/{streamId:guid}", State);
        audit.MapGet("/verify", Verify);
        audit.MapGet("/export/{id:guid}", Export);
        audit.MapPost("/replay", Replay);
        return endpoints;
    }

    private static async Task<AuditHistory> Timeline(Guid id, EventHistory history, ServiceSettings service, TimeProvider time, CancellationToken ct)
    {
        var events = await history.Related(id, ct);
        return new AuditHistory(id, service.ServiceName, time.GetUtcNow(), [.. events.Select(e => AuditEvent.From(service.ServiceName, e, withData: false))]);
    }

    private static async Task<IResult> Export(
        Guid id, string? format, EventHistory history, ServiceSettings service, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        format ??= "json";
        new Validation().Must(format is "json" or "csv", nameof(format), "must be json or csv.").ThrowIfInvalid();
        var events = (await history.Related(id, ct)).Select(e => AuditEvent.From(service.ServiceName, e, withData: true)).ToList();
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{service.ServiceName}-{id}.{format}\"";
        return format == "csv"
            ? TypedResults.Text(AuditCsv.Write(events), "text/csv; charset=utf-8")
            : TypedResults.Ok(new AuditHistory(id, service.ServiceName, time.GetUtcNow(), events));
    }

    private static async Task<AuditState> State(
        Guid streamId, string? asOf, EventHistory history, EventStore store, GrantsAudit audit, ServiceSettings service, TimeProvider time,
        CancellationToken ct)
    {
        var instant = time.GetUtcNow();
        new Validation()
            .Must(asOf is null || AuditInstant.TryParse(asOf, out instant), nameof(asOf),
                "must be an instant with its offset (2026-03-01T12:00:00Z) or a date (2026-03-01, the end of that day in Brussels).")
            .ThrowIfInvalid();
        var stream = await history.Stream(streamId, ct) ?? throw new StreamNotFoundException(streamId);
        var folder = audit.StateOf(stream.Type) ?? throw new DomainException(
            "audit.state_not_registered", $"Streams of type '{stream.Type}' have no state registered for audit in {service.ServiceName}.");
        if (instant < stream.Created)
        {
            throw new DomainException("audit.stream_not_yet_created",
                $"Stream {streamId} ({stream.Type}) was created at {stream.Created:O}, after {instant:O}.", DomainErrorKind.NotFound);
        }

        var (state, version) = await folder.Fold(store, streamId, instant, ct);
        return new AuditState(service.ServiceName, streamId, stream.Type, instant, version, JsonSerializer.SerializeToElement(state, state.GetType(), StateJson));
    }

    private static async Task<AuditVerification> Verify(EventStore store, EventHistory history, ServiceSettings service, CancellationToken ct)
    {
        var report = await new IntegrityVerifier(store).Verify(ct);
        var damaged = new List<AuditDamage>();
        foreach (var d in report.DamagedStreams)
        {
            var stream = await history.Stream(d.StreamId, ct);
            damaged.Add(new AuditDamage(d.StreamId, stream?.Type, d.Version, d.Sequence, d.Problem));
        }

        return new AuditVerification(service.ServiceName, report.IsIntact, report.StreamsChecked, report.EventsChecked,
            report.DigestsChecked, damaged, report.DamagedDigests);
    }

    private static async Task<AuditReplay> Replay(
        EventStore store, EventStoreOptions options, GrantsAudit audit, IEnumerable<MigrationSet> tables, ServiceSettings service,
        CancellationToken ct)
    {
        // Schedules are effects, not records: replaying them would set triggers in the live scheduler.
        var skipped = options.InlineProjections.OfType<ScheduleFromEvents>().Select(p => p.Name).ToList();
        var projections = options.InlineProjections.Where(p => p is not ScheduleFromEvents).Concat(audit.Replayed).ToList();
        var replay = new ProjectionReplay(store);
        try
        {
            var report = await replay.Run(projections, tables, ct);
            return new AuditReplay(service.ServiceName, report.IsIdentical, report.ReplaySchema, report.EventsReplayed, report.Projections,
                skipped, report.Tables, report.Failure);
        }
        catch (ReplaySchemaUnavailableException error)
        {
            throw new DomainException(error.Code, error.Message, DomainErrorKind.Conflict);
        }
    }
}

using Grants.EventSourcing;
using Grants.Hosting.Http;
using Grants.Hosting.Security;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Payments.Sanctions.Screening;

public sealed record HitDecisionRequest(string? Decision, string? Justification);

public sealed record HitView(
    Guid HitId, Guid OrganisationId, string ScreenedName, string Role, string Source, string EntryId, string Reference, string ListedName,
    double Score, string Status, IReadOnlyList<string> ListVersions, DateTimeOffset FoundAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Justification);

public sealed record SubjectView(
    Guid OrganisationId, string? LegalName, string? AccountHolder, IReadOnlyList<ScreenedName> Names, bool Cleared, string? Reason,
    IReadOnlyList<string> ListVersions, IReadOnlyList<ScreeningHit> Hits, IReadOnlyList<ScreeningHit> ConfirmedHits);

/// <summary>Finance sees the hits to decide and decides them; an organisation's screening can be read and run on demand.</summary>
public static class ScreeningEndpoints
{
    public const string FalsePositive = "false_positive";
    public const string Confirmed = "confirmed";

    public static void MapSanctionsScreening(this IEndpointRouteBuilder endpoints)
    {
        var sanctions = endpoints.MapGroup("/sanctions").WithTags("Sanctions");
        sanctions.MapGet("/hits", Hits).RequireAuthorization(GrantsPolicies.Staff);
        sanctions.MapPost("/hits/{hitId:guid}/decision", Decide).RequireAuthorization(GrantsPolicies.Finance);
        sanctions.MapGet("/organisations/{organisationId:guid}", Subject).RequireAuthorization(GrantsPolicies.Staff);
        sanctions.MapPost("/organisations/{organisationId:guid}/screenings", ScreenNow).RequireAuthorization(GrantsPolicies.Finance);
    }

    /// <summary>Hits by status (undecided by default), oldest first: the queue finance works through.</summary>
    private static async Task<Paged<HitView>> Hits(string? status, PageRequest page, NpgsqlDataSource dataSource, EventStoreOptions options, CancellationToken ct)
    {
        var wanted = status ?? HitStatus.Undecided;
        new Validation()
            .Must(wanted is HitStatus.Undecided or HitStatus.FalsePositive or HitStatus.Confirmed, nameof(status), "must be undecided, false_positive or confirmed.")
            .ThrowIfInvalid();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new($"select count(*) from {options.Schema}.sanctions_hits where status = $1") { Parameters = { new() { Value = wanted } } });
        batch.BatchCommands.Add(new(
            $"""
            select hit_id, organisation_id, screened_name, role, source, entry_id, reference, listed_name, score, status, list_versions,
                   found_at, decided_by, decided_at, justification
            from {options.Schema}.sanctions_hits where status = $1
            order by found_at, hit_id
            limit $2 offset $3
            """)
        {
            Parameters = { new() { Value = wanted }, new() { Value = page.PageSize }, new() { Value = page.Offset } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var items = new List<HitView>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(new HitView(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetDouble(8), reader.GetString(9), reader.GetFieldValue<string[]>(10),
                reader.GetFieldValue<DateTimeOffset>(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13), reader.IsDBNull(14) ? null : reader.GetString(14)));
        }

        return page.Of(items, total);
    }

    private static async Task<SubjectView> Decide(
        Guid hitId, HitDecisionRequest body, NpgsqlDataSource dataSource, EventStore store, EventStoreOptions options, IHitEscalation escalation,
        TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.Decision), body.Decision)
            .Must(body.Decision is null or FalsePositive or Confirmed, nameof(body.Decision), "must be false_positive or confirmed.")
            .Required(nameof(body.Justification), body.Justification)
            .Must(body.Justification is null || body.Justification.Trim().Length >= ScreeningDecider.MinJustificationLength,
                nameof(body.Justification), $"must be at least {ScreeningDecider.MinJustificationLength} characters.")
            .MaxLength(nameof(body.Justification), body.Justification, 4000)
            .ThrowIfInvalid();
        var expected = context.Request.ExpectedVersion();
        var organisationId = await OrganisationOf(hitId, dataSource, options, ct);
        var streamId = ScreeningSubject.StreamId(organisationId);
        var session = store.OpenSession(SanctionsAccess.Metadata(context.User));
        var subject = await session.FetchForWriting<ScreeningSubject>(streamId, ct);
        var events = ScreeningDecider.Decide(
            new DecideHit(organisationId, hitId, body.Decision == Confirmed, body.Justification!, context.User.UserId(), time.GetUtcNow()), subject.State);
        var version = expected;
        if (events.Count > 0)
        {
            session.Append(streamId, expected, events);
            foreach (var confirmed in events.OfType<SanctionsHitConfirmed>())
            {
                await escalation.Escalate(session, confirmed, ct);
            }

            await session.SaveChanges(ct);
            version = expected + events.Count;
        }
        else if (expected != subject.Version)
        {
            throw new ConcurrencyException(streamId, expected, subject.Version);
        }

        context.Response.SetETag(version);
        return View(organisationId, events.Aggregate(subject.State, ScreeningSubject.Evolve));
    }

    private static async Task<SubjectView> Subject(Guid organisationId, EventStore store, HttpContext context, CancellationToken ct)
    {
        var subject = await store.AggregateStream<ScreeningSubject>(ScreeningSubject.StreamId(organisationId), ct: ct);
        context.Response.SetETag(subject.Version);
        return View(organisationId, subject.State);
    }

    private static async Task<SubjectView> ScreenNow(Guid organisationId, OrganisationScreening screening, EventStore store, HttpContext context, CancellationToken ct)
    {
        var verdict = await screening.Screen(organisationId, "manual", SanctionsAccess.Metadata(context.User), ct);
        var subject = await store.AggregateStream<ScreeningSubject>(ScreeningSubject.StreamId(organisationId), ct: ct);
        context.Response.SetETag(subject.Version);
        return View(organisationId, subject.State) with { Cleared = verdict.Cleared, Reason = verdict.Reason };
    }

    private static async Task<Guid> OrganisationOf(Guid hitId, NpgsqlDataSource dataSource, EventStoreOptions options, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select organisation_id from {options.Schema}.sanctions_hits where hit_id = $1");
        command.Parameters.Add(new() { Value = hitId, NpgsqlDbType = NpgsqlDbType.Uuid });
        return await command.ExecuteScalarAsync(ct) is Guid organisation
            ? organisation
            : throw new DomainException("sanctions.hit_not_found", $"No sanctions hit {hitId}.", DomainErrorKind.NotFound);
    }

    private static SubjectView View(Guid organisationId, ScreeningSubject subject)
    {
        var verdict = ScreeningVerdicts.Of(subject);
        return new SubjectView(
            organisationId, subject.LegalName, subject.AccountHolder, subject.Names, verdict.Cleared, verdict.Reason, subject.ListVersions,
            subject.Hits, subject.ConfirmedHits);
    }
}

using System.Security.Claims;
using Grants.Review.Api;

namespace Grants.Review.Reports;

public sealed record ApproveReportRequest(IReadOnlyList<LineJustification>? Justifications, IReadOnlyList<string>? Remarks);

public sealed record RequestChangesRequest(IReadOnlyList<string>? Comments);

public sealed record ReportView(
    Guid ReportId, Guid ApplicationId, string Kind, string Status, DateOnly PeriodEnd, Money DeclaredSpending, IReadOnlyList<SpendingLine> Lines,
    DateTimeOffset SubmittedAt, IReadOnlyList<LineJustification> Justifications);

/// <summary>An officer approves a report or asks for changes; overspent lines need a justification.</summary>
public static class ReportEndpoints
{
    private const int MaxText = 4000;

    public static WebApplication MapReports(this WebApplication app)
    {
        var reports = app.MapGroup("/reports/{reportId:guid}").WithTags("Reports");
        reports.MapGet("", Get).RequireAuthorization(GrantsPolicies.Read);
        reports.MapPost("/approval", Approve).RequireAuthorization(GrantsPolicies.Officer);
        reports.MapPost("/change-requests", RequestChanges).RequireAuthorization(GrantsPolicies.Officer);
        return app;
    }

    private static async Task<ReportView> Get(Guid reportId, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        user.EnsureStaff(reportId);
        var report = await store.AggregateStream<ReportAssessment>(reportId, ct: ct);
        context.Response.SetETag(report.Version);
        return View(report.State);
    }

    private static Task<ReportView> Approve(
        Guid reportId, ApproveReportRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var justifications = body.Justifications ?? [];
        var validation = new Validation();
        for (var i = 0; i < justifications.Count; i++)
        {
            validation.Required($"justifications[{i}].line", justifications[i].Line)
                .Required($"justifications[{i}].justification", justifications[i].Justification)
                .MaxLength($"justifications[{i}].justification", justifications[i].Justification, MaxText);
        }

        validation.Must((body.Remarks ?? []).All(r => r is { Length: <= MaxText }), nameof(body.Remarks), $"must each be at most {MaxText} characters.")
            .ThrowIfInvalid();
        return Decide(store, reportId, user, context, new ApproveReport(justifications, body.Remarks ?? [], user.Actor(), time.GetUtcNow()), ct);
    }

    private static Task<ReportView> RequestChanges(
        Guid reportId, RequestChangesRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Must(body.Comments is { Count: > 0 } && body.Comments.All(c => !string.IsNullOrWhiteSpace(c)), nameof(body.Comments), "must say what to change.")
            .Must((body.Comments ?? []).All(c => c is null || c.Length <= MaxText), nameof(body.Comments), $"must each be at most {MaxText} characters.")
            .ThrowIfInvalid();
        return Decide(store, reportId, user, context, new RequestReportChanges(body.Comments!, user.Actor(), time.GetUtcNow()), ct);
    }

    private static async Task<ReportView> Decide(
        EventStore store, Guid reportId, ClaimsPrincipal user, HttpContext context, ReportCommand command, CancellationToken ct)
    {
        var session = store.OpenSession(user.Metadata(reportId));
        var report = await session.FetchForWriting<ReportAssessment>(reportId, ct);
        if (report.Version == 0)
        {
            throw new StreamNotFoundException(reportId);
        }

        var events = ReportDecider.Decide(command, report.State);
        var version = context.Request.IfMatch() ?? report.Version;
        session.Write(report, Streams.Report, events, version);
        await session.SaveChanges(ct);
        context.Response.SetETag(version + events.Count);
        return View(events.Aggregate(report.State, ReportAssessment.Evolve));
    }

    private static ReportView View(ReportAssessment state)
    {
        var r = state.Received!;
        return new ReportView(r.ReportId, r.ApplicationId, r.Kind.ToString(), state.Status.ToString(), r.PeriodEnd, r.DeclaredSpending, r.Lines,
            r.SubmittedAt, state.Justifications);
    }
}

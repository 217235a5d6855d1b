using System.Security.Claims;
using Grants.Applications.Applications;

namespace Grants.Applications.Reports;

public sealed record SpentRequest(int? BudgetLine, decimal? Amount);

public sealed record ReportRequest(string? Narrative, IReadOnlyList<SpentRequest>? Spending, Guid? AuditAttachmentId);

public sealed record ReportView(
    Guid Id, Guid ApplicationId, int Number, string Kind, ReportStatus Status, DateOnly PeriodEnd, DateOnly DueDate, DateTimeOffset DueAt,
    bool AuditRequired, IReadOnlyList<int> RemindersSent, IReadOnlyList<Attachment> Attachments, ReportSubmittedEvent? Submission,
    ReportAssessmentReceived? Assessment)
{
    public static ReportView Of(Report r) => new(
        r.Schedule!.ReportId, r.Schedule.ApplicationId, r.Schedule.Number, r.Schedule.Kind.ToString(), r.Status, r.Schedule.PeriodEnd, r.Schedule.DueDate,
        r.Schedule.DueAt, r.Schedule.AuditRequired, r.RemindersSent, r.Attachments, r.Submission, r.Assessment);
}

public static class ReportStreams
{
    public const string StreamType = "report";

    public static async Task<StreamState<Report>> Load(EventStore store, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var report = await store.AggregateStream<Report>(id, ct: ct);
        user.EnsureMaySee(report.State.Schedule?.OrganisationId ?? Guid.Empty, id);
        return report;
    }

    public static async Task<ReportView> Change(EventStore store, ClaimsPrincipal user, HttpContext http, Guid id, ReportCommand command, CancellationToken ct)
    {
        var session = store.OpenSession(Actors.Metadata(user, id));
        var state = await Streams.Decide<Report>(session, id, StreamType, http.OptionalIfMatch(), s =>
        {
            user.EnsureMaySee(s.Schedule?.OrganisationId ?? Guid.Empty, id);
            return ReportDecider.Decide(command, s);
        }, ct);
        http.Response.SetETag(state.Version);
        return ReportView.Of(state.State);
    }
}

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("", List).RequireAuthorization(GrantsPolicies.Records);
        reports.MapGet("/{id:guid}", Get).RequireAuthorization(GrantsPolicies.Records);
        reports.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization(GrantsPolicies.Records);
        reports.MapPost("/{id:guid}/attachments", Attach).RequireAuthorization(GrantsPolicies.Applicant).WithMaxBodySize(AttachmentFiles.MaxBytes);
        reports.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(GrantsPolicies.Applicant);
        return app;
    }

    /// <summary>An applicant sees only its own organisation's reports, whatever it asked for.</summary>
    private static Task<Paged<ReportSummary>> List(
        PageRequest page, Guid? callId, ReportStatus? status, ReportQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        queries.List(new ReportFilter(callId, status, user.IsInRole(GrantsRoles.Applicant) ? user.ApplicantOrganisation() ?? Guid.Empty : null), page, ct);

    private static async Task<ReportView> Get(Guid id, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var report = await ReportStreams.Load(store, user, id, ct);
        http.Response.SetETag(report.Version);
        return ReportView.Of(report.State);
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, AttachmentFiles files, EventStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await ReportStreams.Load(store, user, id, ct);
        return await files.Download(report.State.Attachments, attachmentId, ct);
    }

    private static async Task<IResult> Attach(
        Guid id, string? fileName, AttachmentFiles files, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        await ReportStreams.Load(store, user, id, ct);
        var attachment = await files.Receive(http.Request, fileName, time.GetUtcNow(), ct);
        var view = await ReportStreams.Change(store, user, http, id, new ReportCommand.AddAttachment(attachment, Actors.Of(user)), ct);
        return TypedResults.Created($"/reports/{id}", view);
    }

    private static Task<ReportView> Submit(Guid id, ReportRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var v = new Validation()
            .Required(nameof(body.Narrative), body.Narrative).MaxLength(nameof(body.Narrative), body.Narrative, 100_000)
            .Required(nameof(body.Spending), body.Spending);
        foreach (var (line, i) in (body.Spending ?? []).Select((l, i) => (l, i)))
        {
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Spending[{i}]");
            v.Required($"{at}.BudgetLine", line.BudgetLine).Required($"{at}.Amount", line.Amount).Range($"{at}.Amount", line.Amount, 0m, 1_000_000_000m);
        }

        v.ThrowIfInvalid();
        var spending = body.Spending!.Select(s => new SpentAmount(s.BudgetLine!.Value, s.Amount!.Value)).ToList();
        return ReportStreams.Change(store, user, http, id, new ReportCommand.Submit(body.Narrative!, spending, body.AuditAttachmentId, Actors.Of(user), time.GetUtcNow()), ct);
    }
}

using System.Security.Claims;
using Grants.Applications.Applications;
using Grants.Applications.Reports;

namespace Grants.Applications.Grants;

public sealed record ReportStatusView(Guid Id, int Number, string Kind, DateOnly DueDate, ReportStatus Status, IReadOnlyList<int> RemindersSent);

/// <summary>Where an application stands across every service, as its NGO and the Unit see it.</summary>
public sealed record ApplicationStatusView(
    Guid Id, Guid CallId, Guid OrganisationId, string Title, ApplicationStatus Status, DateTimeOffset? SubmittedAt, bool? Eligible,
    ReviewResult? Review, FundingResult? Funding, AgreementTerms? Agreement, DateTimeOffset? AgreementSignedAt,
    IReadOnlyList<PaymentRecord> Payments, Money? TotalPaid, GrantClosure? Closure, IReadOnlyList<ReportStatusView> Reports);

public static class GrantEndpoints
{
    public static IEndpointRouteBuilder MapGrants(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/applications").WithTags("Grants");
        applications.MapGet("/{id:guid}/status", Status).RequireAuthorization(GrantsPolicies.Records);
        applications.MapPost("/{id:guid}/agreement/sign", Sign).RequireAuthorization(GrantsPolicies.Applicant);
        return app;
    }

    /// <summary>Signing starts the report streams in the same transaction, so a report is due if and only if the agreement is signed.</summary>
    private static async Task<ApplicationStatusView> Sign(Guid id, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var session = store.OpenSession(Actors.Metadata(user, id));
        var current = await session.FetchForWriting<Application>(id, ct);
        user.EnsureMaySee(current.State.OrganisationId, id);
        var events = GrantDecider.Decide(new GrantCommand.SignAgreement(Actors.Of(user), time.GetUtcNow()), current.State);
        Streams.Append(session, id, ApplicationStreams.StreamType, http.OptionalIfMatch() ?? current.Version, events);
        foreach (var signed in events.OfType<GrantAgreementSignedEvent>())
        {
            var content = current.State.Content!;
            foreach (var report in signed.Terms.Reports)
            {
                session.StartStream(report.ReportId, ReportStreams.StreamType, new ReportScheduled(
                    report.ReportId, id, current.State.OrganisationId, report.Number, report.Kind, report.PeriodEnd, report.DueDate, report.DueAt,
                    report.AuditRequired, signed.Terms.ReminderDaysBefore, content.Budget, content.Currency));
            }
        }

        await session.SaveChanges(ct);
        var state = Streams.Fold(current, events);
        http.Response.SetETag(state.Version);
        return await View(store, state.State, ct);
    }

    private static async Task<ApplicationStatusView> Status(Guid id, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var application = await ApplicationStreams.Load(store, user, id, ct);
        http.Response.SetETag(application.Version);
        return await View(store, application.State, ct);
    }

    private static async Task<ApplicationStatusView> View(EventStore store, Application a, CancellationToken ct)
    {
        var reports = new List<ReportStatusView>();
        foreach (var scheduled in a.Grant.SignedAt is null ? [] : a.Grant.Terms?.Reports ?? [])
        {
            var report = (await store.AggregateStream<Report>(scheduled.ReportId, ct: ct)).State;
            reports.Add(new ReportStatusView(scheduled.ReportId, scheduled.Number, scheduled.Kind.ToString(), scheduled.DueDate, report.Status, report.RemindersSent));
        }

        // Payments and the closure arrive on separate queues, so the closure may be here first; its
        // total is Payments' final word.
        var paid = a.Grant.Closure?.TotalPaid
            ?? (a.Grant.Payments.Count == 0 ? null : new Money(a.Grant.Payments.Sum(p => p.Amount.Amount), a.Grant.Payments[0].Amount.Currency));
        return new ApplicationStatusView(
            a.Id, a.CallId, a.OrganisationId, a.Content!.Title, a.Status, a.SubmittedAt, a.Eligible, a.Grant.Review, a.Grant.Funding, a.Grant.Terms,
            a.Grant.SignedAt, a.Grant.Payments, paid, a.Grant.Closure, reports);
    }
}

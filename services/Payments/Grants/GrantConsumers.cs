using Grants.Contracts.Applications;
using Grants.Contracts.Funding;
using Grants.Contracts.Reports;
using Grants.Hosting.Messaging;
using Grants.Hosting.Security;
using Grants.Payments.Calls;
using Grants.Payments.Sanctions.Screening;

namespace Grants.Payments.Grants;

/// <summary>Every message about an application lands on its grant's stream, whichever arrives first.</summary>
internal static class GrantStream
{
    public const string Type = "grant";

    /// <param name="at">When the message that moves the grant occurred.</param>
    public static async Task Decide(EventSession session, Guid applicationId, DateTimeOffset at, Func<Grant, GrantCommand?> command, CancellationToken ct)
    {
        var id = GrantIds.For(applicationId);
        var grant = await session.FetchForWriting<Grant>(id, ct);
        if (command(grant.State) is { } decided)
        {
            var events = GrantDecider.Decide(decided, grant.State);
            session.Write(id, Type, grant.Version, [.. events, .. await FrozenAtOpening(session, grant.State, events, at, ct)]);
        }
    }

    /// <summary>
    /// A grant that opens for an organisation whose sanctions hit was confirmed before is frozen as it
    /// opens: the escalation of that hit froze only the grants open at the time.
    /// </summary>
    private static async Task<IReadOnlyList<object>> FrozenAtOpening(EventSession session, Grant before, IReadOnlyList<object> events, DateTimeOffset at, CancellationToken ct)
    {
        var after = events.Aggregate(before, Grant.Evolve);
        if (before.Terms is not null || after.Terms is null)
        {
            return [];
        }

        var subject = await session.FetchForWriting<ScreeningSubject>(ScreeningSubject.StreamId(after.OrganisationId), ct);
        if (subject.State.ConfirmedHits.FirstOrDefault() is not { } hit)
        {
            return [];
        }

        var confirmation = subject.State.Confirmations[hit.HitId];
        var finding = FreezeOnConfirmedHit.Finding(hit.ScreenedName, hit.Source, hit.Reference);
        return GrantDecider.Decide(new FreezeGrant(hit.HitId, finding, new Actor(confirmation.By, GrantsRoles.Finance), at), after);
    }

    public static async Task<PaymentCall> Call(EventSession session, Guid callId, CancellationToken ct) =>
        (await session.FetchForWriting<PaymentCall>(callId, ct)).State;
}

public sealed class ProjectSubmittedConsumer(EventStore store) : IdempotentConsumer<ApplicationSubmitted>(store)
{
    protected override string ConsumerName => "payments.project-submitted";

    protected override async Task Handle(ApplicationSubmitted message, EventSession session, CancellationToken ct)
    {
        var call = await GrantStream.Call(session, message.CallId, ct);
        var project = new ProjectRecorded(message.ApplicationId, message.CallId, message.OrganisationId, message.Title, message.StartDate, message.EndDate);
        await GrantStream.Decide(session, message.ApplicationId, message.OccurredAt, _ => new RecordProject(project, call), ct);
    }
}

public sealed class FundingDecidedConsumer(EventStore store) : IdempotentConsumer<FundingDecided>(store)
{
    protected override string ConsumerName => "payments.funding-decided";

    protected override async Task Handle(FundingDecided message, EventSession session, CancellationToken ct)
    {
        if (message is not { Outcome: FundingOutcome.Award, Amount: { } amount })
        {
            return;
        }

        var call = await GrantStream.Call(session, message.CallId, ct);
        var award = new AwardRecorded(message.ApplicationId, message.CallId, message.OrganisationId, amount, message.RulesVersion, message.OccurredAt);
        await GrantStream.Decide(session, message.ApplicationId, message.OccurredAt, _ => new RecordAward(award, call), ct);
    }
}

public sealed class GrantAgreementSignedConsumer(EventStore store) : IdempotentConsumer<GrantAgreementSigned>(store)
{
    protected override string ConsumerName => "payments.grant-agreement-signed";

    protected override Task Handle(GrantAgreementSigned message, EventSession session, CancellationToken ct) =>
        GrantStream.Decide(session, message.ApplicationId, message.OccurredAt, _ => new SignAgreement(message.ApplicationId, message.CountersignedAt), ct);
}

public sealed class ReportAssessedConsumer(EventStore store) : IdempotentConsumer<ReportAssessed>(store)
{
    protected override string ConsumerName => "payments.report-assessed";

    protected override Task Handle(ReportAssessed message, EventSession session, CancellationToken ct) =>
        message is { Outcome: ReportOutcome.Approved }
            ? GrantStream.Decide(session, message.ApplicationId, message.OccurredAt, _ => new ApproveReport(
                message.ApplicationId, message.ReportId, message.Kind,
                message.EligibleSpending ?? throw new InvalidOperationException($"Report {message.ReportId} was approved without its eligible spending."),
                message.OccurredAt), ct)
            : Task.CompletedTask;
}

public sealed class ReportOverdueConsumer(EventStore store) : IdempotentConsumer<ReportOverdue>(store)
{
    protected override string ConsumerName => "payments.report-overdue";

    protected override Task Handle(ReportOverdue message, EventSession session, CancellationToken ct) =>
        GrantStream.Decide(session, message.ApplicationId, message.OccurredAt, _ => new RecordReportOverdue(message.ApplicationId, message.ReportId, message.Kind, message.DueDate), ct);
}

using Grants.Applications.Reports;
using Grants.Hosting.Scheduling;
using Contracts = Grants.Contracts;

namespace Grants.Applications.Grants;

public static class GrantsModule
{
    public static GrantsService AddGrantsFollowUp(this GrantsService service, IServiceCollection services)
    {
        service.Store.Types
            .Register<ReviewResultReceived>("application.review_result_received")
            .Register<FundingDecisionReceived>("application.funding_decision_received")
            .Register<GrantAgreementSignedEvent>("application.agreement_signed")
            .Register<TranchesPlanned>("application.tranches_planned")
            .Register<PaymentReceived>("application.payment_received")
            .Register<GrantClosedReceived>("application.grant_closed_received")
            .Register<ReportScheduled>("report.scheduled")
            .Register<ReportReminderSent>("report.reminder_sent")
            .Register<ReportOverdueMarked>("report.overdue")
            .Register<ReportAttachmentAdded>("report.attachment_added")
            .Register<ReportSubmittedEvent>("report.submitted")
            .Register<ReportAssessmentReceived>("report.assessment_received");
        service.Audit.State<Report>(ReportStreams.StreamType);
        service.Store.InlineProjections.Add(new ReportList());
        service.Messaging
            .Publish<GrantAgreementSignedEvent, Contracts.Applications.GrantAgreementSigned>((e, _) => new Contracts.Applications.GrantAgreementSigned
            {
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                OrganisationId = e.OrganisationId,
                CountersignedAt = e.At,
                SignedBy = e.SignedBy,
            })
            .Publish<ReportSubmittedEvent, Contracts.Reports.ReportSubmitted>((e, _) => new Contracts.Reports.ReportSubmitted
            {
                ReportId = e.ReportId,
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                Kind = e.Kind,
                PeriodEnd = e.PeriodEnd,
                DeclaredSpending = e.DeclaredSpending,
                SubmittedAt = e.At,
                Lines = [.. e.Spending.Select(l => new Contracts.Reports.BudgetLineSpending(
                    $"{l.Category}: {l.Description}", new Contracts.Money(l.Budgeted, e.DeclaredSpending.Currency), new Contracts.Money(l.Spent, e.DeclaredSpending.Currency)))],
            })
            .Publish<ReportOverdueMarked, Contracts.Reports.ReportOverdue>((e, _) => new Contracts.Reports.ReportOverdue
            {
                ReportId = e.ReportId,
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                Kind = e.Kind,
                DueDate = e.DueDate,
            })
            .Consume<ReviewCompletedConsumer, Contracts.Reviews.ReviewCompleted>()
            .Consume<FundingDecidedConsumer, Contracts.Funding.FundingDecided>()
            .Consume<ReportAssessedConsumer, Contracts.Reports.ReportAssessed>()
            .Consume<GrantOpenedConsumer, Contracts.Ledger.GrantOpened>()
            .Consume<PaymentExecutedConsumer, Contracts.Payments.PaymentExecuted>()
            .Consume<GrantClosedConsumer, Contracts.Ledger.GrantClosed>();
        services.AddSingleton(ReportList.Migrations);
        services.AddSingleton<ReportQueries>();
        services.AddScheduledCommand<RemindOfReport, ReportScheduleHandler>("reports.remind");
        services.AddScheduledCommand<MarkReportOverdue, ReportScheduleHandler>("reports.mark_overdue");
        services.AddEventSchedule("report-deadlines", ReportScheduleHandler.Schedule, typeof(ReportScheduled), typeof(ReportSubmittedEvent));
        return service;
    }
}

using Grants.Contracts.Reports;

namespace Grants.Review.Reports;

public static class ReportsRegistration
{
    public static GrantsService AddReports(this GrantsService service)
    {
        service.Store.Types
            .Register<ReportReceived>("review.report_received")
            .Register<ReportApproved>("review.report_approved")
            .Register<ReportChangesRequested>("review.report_changes_requested");
        service.Audit.State<ReportAssessment>(Api.Streams.Report);
        service.Messaging.Consume<ReportSubmittedConsumer, ReportSubmitted>();
        service.Messaging.Publish<ReportApproved, ReportAssessed>((e, _) => new ReportAssessed
        {
            CorrelationId = e.ApplicationId,
            ReportId = e.ReportId,
            ApplicationId = e.ApplicationId,
            Kind = e.Kind,
            Outcome = ReportOutcome.Approved,
            EligibleSpending = e.EligibleSpending,
            Remarks = [.. e.Remarks, .. e.Justifications.Select(j => $"{j.Line}: {j.Justification}")],
            AssessedBy = e.By,
        });
        service.Messaging.Publish<ReportChangesRequested, ReportAssessed>((e, _) => new ReportAssessed
        {
            CorrelationId = e.ApplicationId,
            ReportId = e.ReportId,
            ApplicationId = e.ApplicationId,
            Kind = e.Kind,
            Outcome = ReportOutcome.ChangesRequested,
            Remarks = e.Comments,
            AssessedBy = e.By,
        });
        return service;
    }
}

using Grants.Contracts.Reports;
using Grants.Hosting.Messaging;
using Grants.Review.Api;

namespace Grants.Review.Reports;

/// <summary>A submitted (or resubmitted) report awaits an officer's assessment.</summary>
public sealed class ReportSubmittedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<ReportSubmitted>(store)
{
    protected override string ConsumerName => "review-report-submitted";

    protected override async Task Handle(ReportSubmitted message, EventSession session, CancellationToken ct)
    {
        var report = await session.FetchForWriting<ReportAssessment>(message.ReportId, ct);
        session.Write(report, Streams.Report, ReportDecider.Decide(
            new ReceiveReport(message.ReportId, message.ApplicationId, message.Kind, message.PeriodEnd, message.DeclaredSpending, message.Lines,
                message.SubmittedAt, time.GetUtcNow()),
            report.State));
    }
}

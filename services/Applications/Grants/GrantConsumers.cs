using Grants.Applications.Applications;
using Grants.Applications.Calls;
using Grants.Applications.Reports;
using Grants.Contracts.Funding;
using Grants.Contracts.Ledger;
using Grants.Contracts.Payments;
using Grants.Contracts.Reviews;
using Grants.Hosting.Messaging;
using ContractReportAssessed = Grants.Contracts.Reports.ReportAssessed;

namespace Grants.Applications.Grants;

/// <summary>Records what another service decided on the stream it concerns; the kit makes each message take effect once.</summary>
internal static class Recorded
{
    public static async Task On<TState>(EventSession session, Guid streamId, string streamType, Func<TState, IReadOnlyList<object>> decide, CancellationToken ct)
        where TState : IEventSourced<TState>
    {
        var current = await session.FetchForWriting<TState>(streamId, ct);
        Streams.Append(session, streamId, streamType, current.Version, decide(current.State));
    }
}

public sealed class ReviewCompletedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<ReviewCompleted>(store)
{
    protected override string ConsumerName => "applications.review-completed";

    protected override Task Handle(ReviewCompleted message, EventSession session, CancellationToken ct)
    {
        var result = new ReviewResult(
            message.WeightedScore, [.. message.ConsensusScores.Select(s => new CriterionResult(s.Criterion, s.Score, s.PassedThreshold))],
            message.AllThresholdsPassed, message.CommentsForApplicant);
        return Recorded.On<Application>(session, message.ApplicationId, ApplicationStreams.StreamType,
            s => GrantDecider.Decide(new GrantCommand.RecordReview(result, message.ContentHash, time.GetUtcNow()), s), ct);
    }
}

public sealed class FundingDecidedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<FundingDecided>(store)
{
    protected override string ConsumerName => "applications.funding-decided";

    protected override async Task Handle(FundingDecided message, EventSession session, CancellationToken ct)
    {
        var call = (await session.FetchForWriting<Call>(message.CallId, ct)).State;
        if (call.Rules is not { } rules)
        {
            return;
        }

        var command = new GrantCommand.RecordFunding(message.Outcome.ToString(), message.Amount, message.Reasons, message.RulesVersion, rules, time.GetUtcNow());
        await Recorded.On<Application>(session, message.ApplicationId, ApplicationStreams.StreamType, s => GrantDecider.Decide(command, s), ct);
    }
}

/// <summary>The tranches the ledger plans for the grant are the ones the NGO's agreement shows.</summary>
public sealed class GrantOpenedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<GrantOpened>(store)
{
    protected override string ConsumerName => "applications.grant-opened";

    protected override Task Handle(GrantOpened message, EventSession session, CancellationToken ct) =>
        Recorded.On<Application>(session, message.ApplicationId, ApplicationStreams.StreamType, s => GrantDecider.Decide(
            new GrantCommand.RecordTranches(message.GrantId, [.. message.Tranches.Select(t => new TrancheTerm(t.Number, t.Amount, t.Condition))], time.GetUtcNow()), s), ct);
}

public sealed class PaymentExecutedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<PaymentExecuted>(store)
{
    protected override string ConsumerName => "applications.payment-executed";

    protected override Task Handle(PaymentExecuted message, EventSession session, CancellationToken ct) =>
        Recorded.On<Application>(session, message.ApplicationId, ApplicationStreams.StreamType, s => GrantDecider.Decide(
            new GrantCommand.RecordPayment(new PaymentRecord(message.TrancheNumber, message.Amount, message.ExecutedOn, message.EndToEndId), time.GetUtcNow()), s), ct);
}

public sealed class GrantClosedConsumer(EventStore store) : IdempotentConsumer<GrantClosed>(store)
{
    protected override string ConsumerName => "applications.grant-closed";

    protected override Task Handle(GrantClosed message, EventSession session, CancellationToken ct) =>
        Recorded.On<Application>(session, message.ApplicationId, ApplicationStreams.StreamType, s => GrantDecider.Decide(
            new GrantCommand.RecordClosure(new GrantClosure(message.GrantId, message.TotalPaid, message.Recovered, message.ClosedAt)), s), ct);
}

public sealed class ReportAssessedConsumer(EventStore store, TimeProvider time) : IdempotentConsumer<ContractReportAssessed>(store)
{
    protected override string ConsumerName => "applications.report-assessed";

    protected override Task Handle(ContractReportAssessed message, EventSession session, CancellationToken ct) =>
        Recorded.On<Report>(session, message.ReportId, ReportStreams.StreamType, s => ReportDecider.Decide(
            new ReportCommand.RecordAssessment(message.Outcome, message.EligibleSpending, message.Remarks, message.AssessedBy, time.GetUtcNow()), s), ct);
}

using Grants.Applications.Applications;
using Grants.Contracts.Reports;

namespace Grants.Applications.Grants;

public sealed record CriterionResult(string Criterion, decimal Score, bool PassedThreshold);

/// <summary>What the NGO is told of its review: the consensus, never who scored.</summary>
public sealed record ReviewResult(decimal WeightedScore, IReadOnlyList<CriterionResult> Scores, bool AllThresholdsPassed, IReadOnlyList<string> Comments);

public sealed record FundingResult(string Outcome, Money? Amount, IReadOnlyList<string> Reasons, int RulesVersion);

/// <summary>A tranche as the ledger in Payments planned it; <see cref="Condition"/> says what makes it due.</summary>
public sealed record TrancheTerm(int Number, Money Amount, string Condition);

public sealed record ScheduledReport(Guid ReportId, int Number, ReportKind Kind, DateOnly PeriodEnd, DateOnly DueDate, DateTimeOffset DueAt, bool AuditRequired);

/// <summary>The agreement the NGO signs: the awarded amount, how it is paid (the ledger's tranches, none until Payments has planned them), and when it reports.</summary>
public sealed record AgreementTerms(Money Amount, DateOnly Start, DateOnly End, IReadOnlyList<TrancheTerm> Tranches, IReadOnlyList<ScheduledReport> Reports, IReadOnlyList<int> ReminderDaysBefore);

public sealed record PaymentRecord(int TrancheNumber, Money Amount, DateOnly ExecutedOn, string EndToEndId);

public sealed record GrantClosure(Guid GrantId, Money TotalPaid, Money Recovered, DateTimeOffset ClosedAt);

/// <summary>The application's life after eligibility, as the other services report it and as the NGO signs it.</summary>
public sealed record GrantRecord(
    ReviewResult? Review, FundingResult? Funding, AgreementTerms? Terms, DateTimeOffset? SignedAt, Actor? SignedBy,
    IReadOnlyList<PaymentRecord> Payments, GrantClosure? Closure)
{
    public static GrantRecord Empty { get; } = new(null, null, null, null, null, [], null);

    /// <summary>The ledger's tranches, kept apart from the terms because Payments may plan them before the award reaches this service.</summary>
    public IReadOnlyList<TrancheTerm> LedgerTranches { get; init; } = [];
}

public sealed record ReviewResultReceived(ReviewResult Result, string ContentHash, DateTimeOffset At);

public sealed record FundingDecisionReceived(FundingResult Result, AgreementTerms? Terms, DateTimeOffset At);

public sealed record GrantAgreementSignedEvent(Guid ApplicationId, Guid OrganisationId, AgreementTerms Terms, Actor SignedBy, DateTimeOffset At);

public sealed record TranchesPlanned(Guid GrantId, IReadOnlyList<TrancheTerm> Tranches, DateTimeOffset At);

public sealed record PaymentReceived(PaymentRecord Payment, DateTimeOffset At);

public sealed record GrantClosedReceived(GrantClosure Closure);

public static class GrantEvolution
{
    public static Application Evolve(Application state, object @event) => @event switch
    {
        // Each message type has its own queue, so a review may arrive after the funding decision it led to.
        ReviewResultReceived e => state with
        {
            Status = state.Status == ApplicationStatus.Eligible ? ApplicationStatus.Reviewed : state.Status,
            Grant = state.Grant with { Review = e.Result },
        },
        FundingDecisionReceived e => state with
        {
            Status = e.Result.Outcome switch
            {
                "Award" => ApplicationStatus.Awarded,
                "ReserveList" => ApplicationStatus.ReserveList,
                _ => ApplicationStatus.Rejected,
            },
            Grant = state.Grant with { Funding = e.Result, Terms = e.Terms },
        },
        TranchesPlanned e => state with
        {
            Grant = state.Grant with { LedgerTranches = e.Tranches, Terms = state.Grant.Terms is { } terms ? terms with { Tranches = e.Tranches } : null },
        },
        GrantAgreementSignedEvent e => state with { Status = ApplicationStatus.AgreementSigned, Grant = state.Grant with { SignedAt = e.At, SignedBy = e.SignedBy } },
        PaymentReceived e => state with { Grant = state.Grant with { Payments = [.. state.Grant.Payments, e.Payment] } },
        GrantClosedReceived e => state with { Status = ApplicationStatus.Closed, Grant = state.Grant with { Closure = e.Closure } },
        _ => state,
    };
}

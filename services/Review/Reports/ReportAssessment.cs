using Grants.Contracts.Reports;

namespace Grants.Review.Reports;

/// <summary>A statement line against the approved budget; overspent when it exceeds the budget by more than the tolerance.</summary>
public sealed record SpendingLine(string Line, Money Budgeted, Money Spent, bool Overspent);

public sealed record ReportReceived(
    Guid ReportId, Guid ApplicationId, ReportKind Kind, DateOnly PeriodEnd, Money DeclaredSpending, IReadOnlyList<SpendingLine> Lines, DateTimeOffset SubmittedAt);

public sealed record LineJustification(string Line, string Justification);

public sealed record ReportApproved(
    Guid ReportId, Guid ApplicationId, ReportKind Kind, Money EligibleSpending, IReadOnlyList<LineJustification> Justifications,
    IReadOnlyList<string> Remarks, Actor By, DateTimeOffset At);

public sealed record ReportChangesRequested(Guid ReportId, Guid ApplicationId, ReportKind Kind, IReadOnlyList<string> Comments, Actor By, DateTimeOffset At);

public enum ReportStatus
{
    None,
    Submitted,
    Approved,
    ChangesRequested,
}

/// <summary>An NGO report as the officer assesses it; a resubmission after a request for changes is assessed again.</summary>
public sealed record ReportAssessment(ReportStatus Status, ReportReceived? Received, IReadOnlyList<LineJustification> Justifications)
    : IEventSourced<ReportAssessment>
{
    public static ReportAssessment Initial { get; } = new(ReportStatus.None, null, []);

    public static ReportAssessment Evolve(ReportAssessment state, object @event) => @event switch
    {
        ReportReceived e => new ReportAssessment(ReportStatus.Submitted, e, []),
        ReportApproved e => state with { Status = ReportStatus.Approved, Justifications = e.Justifications },
        ReportChangesRequested => state with { Status = ReportStatus.ChangesRequested },
        _ => state,
    };
}

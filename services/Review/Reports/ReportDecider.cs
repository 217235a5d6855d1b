using Grants.Contracts.Reports;

namespace Grants.Review.Reports;

public abstract record ReportCommand(DateTimeOffset Now);

public sealed record ReceiveReport(
    Guid ReportId, Guid ApplicationId, ReportKind Kind, DateOnly PeriodEnd, Money DeclaredSpending, IReadOnlyList<BudgetLineSpending> Lines,
    DateTimeOffset SubmittedAt, DateTimeOffset Now) : ReportCommand(Now);

public sealed record ApproveReport(IReadOnlyList<LineJustification> Justifications, IReadOnlyList<string> Remarks, Actor By, DateTimeOffset Now)
    : ReportCommand(Now);

public sealed record RequestReportChanges(IReadOnlyList<string> Comments, Actor By, DateTimeOffset Now) : ReportCommand(Now);

/// <summary>Report assessment: lines more than 10% over budget are flagged and need a justification before approval.</summary>
public static class ReportDecider
{
    /// <summary>Spending up to 110% of a line's budget is within tolerance.</summary>
    public const decimal Tolerance = 1.10m;

    public static IReadOnlyList<object> Decide(ReportCommand command, ReportAssessment state) => (command, state) switch
    {
        (ReceiveReport c, { Status: ReportStatus.None or ReportStatus.ChangesRequested }) => [Receive(c)],
        (ReceiveReport, _) => [],
        (_, { Status: ReportStatus.None }) =>
            throw new DomainException("report.not_found", "No such report has been submitted.", DomainErrorKind.NotFound),
        (ApproveReport c, { Status: ReportStatus.Submitted }) => Approve(c, state),
        (RequestReportChanges c, { Status: ReportStatus.Submitted }) => RequestChanges(c, state),
        _ => throw new DomainException("report.not_awaiting_assessment", $"The report is {state.Status}, not awaiting assessment."),
    };

    private static ReportReceived Receive(ReceiveReport c) => new(
        c.ReportId, c.ApplicationId, c.Kind, c.PeriodEnd, c.DeclaredSpending,
        [.. c.Lines.Select(l => new SpendingLine(l.Line, l.Budgeted, l.Spent, l.Spent.Amount > l.Budgeted.Amount * Tolerance))],
        c.SubmittedAt);

    private static IReadOnlyList<object> Approve(ApproveReport c, ReportAssessment state)
    {
        var report = state.Received!;
        var justified = c.Justifications.Where(j => !string.IsNullOrWhiteSpace(j.Justification)).ToList();
        if (justified.FirstOrDefault(j => report.Lines.All(l => l.Line != j.Line)) is { } unknown)
        {
            throw new DomainException("report.unknown_line", $"The report has no line '{unknown.Line}'.");
        }

        var unjustified = report.Lines.Where(l => l.Overspent && justified.All(j => j.Line != l.Line)).Select(l => l.Line).ToList();
        if (unjustified.Count > 0)
        {
            throw new DomainException("report.justification_required",
                $"Lines overspent by more than 10% need a justification to approve: {string.Join(", ", unjustified)}.");
        }

        return [new ReportApproved(report.ReportId, report.ApplicationId, report.Kind, report.DeclaredSpending, justified, c.Remarks, c.By, c.Now)];
    }

    private static IReadOnlyList<object> RequestChanges(RequestReportChanges c, ReportAssessment state)
    {
        var comments = c.Comments.Where(x => !string.IsNullOrWhiteSpace(x)).ToList();
        var report = state.Received!;
        return comments.Count == 0
            ? throw new DomainException("report.comments_required", "Say what the NGO must change.")
            : [new ReportChangesRequested(report.ReportId, report.ApplicationId, report.Kind, comments, c.By, c.Now)];
    }
}

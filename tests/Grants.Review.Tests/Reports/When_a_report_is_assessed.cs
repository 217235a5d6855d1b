using Grants.Contracts.Reports;
using Grants.Review.Reports;
using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Reports;

public sealed class When_a_report_is_assessed
{
    private static readonly Guid Report = Guid.NewGuid();

    private static ReceiveReport Submitted(params BudgetLineSpending[] lines) =>
        new(Report, Application, ReportKind.Interim, new DateOnly(2026, 12, 31), Money.Eur(lines.Sum(l => l.Spent.Amount)), lines, Now, Now);

    private static BudgetLineSpending Line(string name, decimal budgeted, decimal spent) => new(name, Money.Eur(budgeted), Money.Eur(spent));

    private static ReportAssessment Given(ReceiveReport received) =>
        ReportDecider.Decide(received, ReportAssessment.Initial).Aggregate(ReportAssessment.Initial, ReportAssessment.Evolve);

    [Fact]
    public void Should_flag_lines_overspent_by_more_than_ten_percent()
    {
        var received = Assert.IsType<ReportReceived>(Assert.Single(ReportDecider.Decide(
            Submitted(Line("staff", 10_000, 11_000), Line("travel", 10_000, 11_001), Line("equipment", 5_000, 1_000)), ReportAssessment.Initial)));

        Assert.Equal([false, true, false], received.Lines.Select(l => l.Overspent));
    }

    [Fact]
    public void Should_approve_with_the_declared_spending_as_eligible()
    {
        var state = Given(Submitted(Line("staff", 10_000, 9_000)));

        var approved = Assert.IsType<ReportApproved>(Assert.Single(ReportDecider.Decide(new ApproveReport([], [], Officer, Now), state)));

        Assert.Equal(Money.Eur(9_000), approved.EligibleSpending);
    }

    [Fact]
    public void Should_need_a_justification_for_each_overspent_line_to_approve()
    {
        var state = Given(Submitted(Line("staff", 10_000, 9_000), Line("travel", 10_000, 12_000)));

        Rejected(() => ReportDecider.Decide(new ApproveReport([], [], Officer, Now), state), "report.justification_required");
        Rejected(() => ReportDecider.Decide(new ApproveReport([new("catering", "x")], [], Officer, Now), state), "report.unknown_line");
        Assert.Single(ReportDecider.Decide(new ApproveReport([new("travel", "Fuel prices doubled")], [], Officer, Now), state));
    }

    [Fact]
    public void Should_request_changes_with_comments_and_take_a_resubmission()
    {
        var state = Given(Submitted(Line("staff", 10_000, 9_000)));
        Rejected(() => ReportDecider.Decide(new RequestReportChanges([], Officer, Now), state), "report.comments_required");

        var changes = ReportDecider.Decide(new RequestReportChanges(["Attach the payslips"], Officer, Now), state);
        state = changes.Aggregate(state, ReportAssessment.Evolve);
        Assert.Equal(ReportStatus.ChangesRequested, state.Status);
        Rejected(() => ReportDecider.Decide(new ApproveReport([], [], Officer, Now), state), "report.not_awaiting_assessment");

        var resubmitted = ReportDecider.Decide(Submitted(Line("staff", 10_000, 9_500)), state);
        Assert.Equal(ReportStatus.Submitted, resubmitted.Aggregate(state, ReportAssessment.Evolve).Status);
    }

    [Fact]
    public void Should_ignore_a_redelivered_submission_of_a_report_awaiting_assessment()
    {
        var state = Given(Submitted(Line("staff", 10_000, 9_000)));

        Assert.Empty(ReportDecider.Decide(Submitted(Line("staff", 10_000, 9_000)), state));
    }
}

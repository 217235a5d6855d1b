namespace Grants.Demo;

public sealed partial class LifecycleScenario
{
    private static readonly string[] ApprovalRemarks = ["Consistent with the logframe."];

    /// <summary>
    /// Each paid grant reports: the interim report (60% spent so far), then the final one (everything
    /// spent, or half for the grant that ends in a recovery). An officer approves each in Review.
    /// </summary>
    private async Task SubmitReports(CancellationToken ct)
    {
        await Each(Payable, async application =>
        {
            var status = (await api.Applications.Get(application.Ngo.Applicant, $"/applications/{application.Id}/status", ct)).EnsureOk();
            foreach (var report in status["reports"].EnumerateArray().OrderBy(r => r.GetProperty("number").GetInt32()))
            {
                var final = report.GetProperty("kind").GetString() == "Final";
                var share = !final ? 0.6m : application.Twist == Twist.Recovery ? 0.5m : 1m;
                await SubmitReport(application, report.GetProperty("id").GetGuid(), final, share, ct);
            }
        }, ct);
        var recovery = Payable.Single(a => a.Twist == Twist.Recovery);
        await api.Until($"Payments to order a recovery and close \"{recovery.Title}\" (ReportAssessed)", async () =>
            (await Grant(recovery, ct))["status"].GetString() == "closed", ct);
        Say($"Interim and final reports submitted and approved for {Payable.Count()} grants; " +
            $"\"{recovery.Title}\" spent less than its pre-financing: recovery order of EUR {Eur((await Grant(recovery, ct))["recovered"].GetProperty("amount").GetDecimal())}");
    }

    private async Task SubmitReport(DemoApplication application, Guid reportId, bool final, decimal share, CancellationToken ct)
    {
        var spending = application.BudgetLines.Select((budgeted, line) => new { budgetLine = line, amount = decimal.Round(budgeted * share, 2) });
        var submitted = (await api.Applications.Post(application.Ngo.Applicant, $"/reports/{reportId}/submit", new
        {
            narrative = final ? "The project reached its targets; 120 disputes were mediated." : "Mediators trained, first disputes mediated.",
            spending,
        }, ct)).EnsureOk();
        Expect(submitted, "status", "Submitted");
        await api.Until($"Review to receive the {(final ? "final" : "interim")} report of \"{application.Title}\" (ReportSubmitted)", async () =>
            (await api.Review.Get(Caller.Officer, $"/reports/{reportId}", ct)).Ok, ct);
        var approved = (await api.Review.Post(Caller.Officer, $"/reports/{reportId}/approval", new { remarks = ApprovalRemarks }, ct))
            .EnsureOk();
        Expect(approved, "status", "Approved");
        if (application.Twist == Twist.OverdueReport)
        {
            Say($"The overdue final report of \"{application.Title}\" arrived and was approved: its payment is unblocked");
        }
    }
}

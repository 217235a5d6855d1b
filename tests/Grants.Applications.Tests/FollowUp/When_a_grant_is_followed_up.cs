using Grants.Applications.Applications;
using Grants.Applications.Grants;
using Grants.Applications.Reports;
using Grants.Contracts.Reports;
using Grants.Applications.Tests.Applications;
using static Grants.Applications.Tests.Given;

namespace Grants.Applications.Tests.FollowUp;

public sealed class When_a_grant_is_followed_up
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid CallId = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly ApplicationContent Content = When_an_application_is_decided_on.Complete;

    private static object[] Eligible() =>
    [
        new ApplicationDrafted(Id, CallId, Organisation, Content, Applicant, Now),
        new ApplicationSubmittedEvent(Id, CallId, Organisation, Content, [], "hash", 1, Applicant, Now),
        new EligibilityDecided(Id, CallId, Organisation, true, "ok", false, "t", Money.Eur(194_000m), "hash", Now, Officer, Now),
    ];

    private static GrantCommand.RecordFunding Award(decimal amount = 180_000m) => new("Award", Money.Eur(amount), ["ranked 2nd"], 1, Rules(), Now);

    private static IReadOnlyList<object> Decide(IEnumerable<object> given, GrantCommand command) =>
        GrantDecider.Decide(command, Spec.State<Application>(given));

    private static readonly IReadOnlyList<TrancheTerm> Ledger =
    [
        new(1, Money.Eur(90_000m), "agreement_signed"), new(2, Money.Eur(72_000m), "interim_report_approved"), new(3, Money.Eur(18_000m), "final_report_approved"),
    ];

    private static readonly GrantCommand.RecordTranches Planned = new(Guid.NewGuid(), Ledger, Now);

    private static object[] Awarded() => [.. Eligible(), .. Decide(Eligible(), Award())];

    [Fact]
    public void Should_plan_the_agreement_s_reports_from_the_call_and_the_project_dates()
    {
        var terms = AgreementPlanner.Terms(Id, Content, Rules(), Money.Eur(180_000.01m), []);

        Assert.Equal(
            [(ReportKind.Interim, new DateOnly(2028, 8, 31), new DateOnly(2028, 9, 30), false), (ReportKind.Final, new DateOnly(2029, 8, 31), new DateOnly(2029, 11, 30), true)],
            terms.Reports.Select(r => (r.Kind, r.PeriodEnd, r.DueDate, r.AuditRequired)));
        // Due by the end of the day in Brussels (CEST, UTC+2, on 30 September).
        Assert.Equal(new DateTimeOffset(2028, 9, 30, 22, 0, 0, TimeSpan.Zero), terms.Reports[0].DueAt);
    }

    [Fact]
    public void Should_require_no_audit_below_the_threshold() =>
        Assert.False(AgreementPlanner.Terms(Id, Content, Rules(), Money.Eur(99_999.99m), []).Reports[^1].AuditRequired);

    [Fact]
    public void Should_record_an_award_with_its_terms_once()
    {
        var received = Assert.IsType<FundingDecisionReceived>(Assert.Single(Decide(Eligible(), Award())));

        Assert.Equal((180_000m, 2), (received.Terms!.Amount.Amount, received.Terms.Reports.Count));
        Assert.Empty(Decide(Awarded(), Award()));
    }

    [Fact]
    public void Should_show_the_ledger_s_tranches_whether_they_arrive_before_or_after_the_award()
    {
        var before = Decide(Eligible(), Planned);
        var after = Decide(Awarded(), Planned);

        var awardedAfterPlan = Spec.State<Application>([.. Eligible(), .. before, .. Decide([.. Eligible(), .. before], Award())]);
        var plannedAfterAward = Spec.State<Application>([.. Awarded(), .. after]);
        Assert.Equal(Ledger, awardedAfterPlan.Grant.Terms!.Tranches);
        Assert.Equal(Ledger, plannedAfterAward.Grant.Terms!.Tranches);
        Assert.Empty(Spec.State<Application>(Awarded()).Grant.Terms!.Tranches);
    }

    [Fact]
    public void Should_record_the_same_plan_once()
    {
        Assert.Empty(Decide([.. Eligible(), .. Decide(Eligible(), Planned)], Planned));
    }

    [Fact]
    public void Should_promote_an_application_from_the_reserve_list()
    {
        var reserve = Decide(Eligible(), new GrantCommand.RecordFunding("ReserveList", null, [], 1, Rules(), Now));

        var awarded = Decide([.. Eligible(), .. reserve], Award());

        Assert.Equal(ApplicationStatus.Awarded, Spec.State<Application>([.. Eligible(), .. reserve, .. awarded]).Status);
    }

    [Fact]
    public void Should_ignore_messages_about_withdrawn_or_unknown_applications()
    {
        Assert.Empty(Decide([], Award()));
        Assert.Empty(Decide([.. Eligible(), new ApplicationWithdrawnEvent(Id, CallId, Organisation, "x", Applicant, Now)], Award()));
    }

    [Fact]
    public void Should_sign_an_awarded_agreement_once()
    {
        var signed = Assert.IsType<GrantAgreementSignedEvent>(Assert.Single(Decide(Awarded(), new GrantCommand.SignAgreement(Applicant, Now))));

        Assert.Equal(180_000m, signed.Terms.Amount.Amount);
        Assert.Empty(Decide([.. Awarded(), signed], new GrantCommand.SignAgreement(Applicant, Now)));
    }

    [Fact]
    public void Should_keep_the_award_when_its_review_arrives_after_it()
    {
        var review = new ReviewResult(3.8m, [], true, []);

        var late = Decide(Awarded(), new GrantCommand.RecordReview(review, "hash", Now));

        var state = Spec.State<Application>([.. Awarded(), .. late]);
        Assert.Equal((ApplicationStatus.Awarded, 3.8m), (state.Status, state.Grant.Review!.WeightedScore));
    }

    [Fact]
    public void Should_refuse_to_sign_without_an_award() =>
        Assert.Equal("application.not_awarded", Spec.ErrorCode(() => Decide(Eligible(), new GrantCommand.SignAgreement(Applicant, Now))));

    [Fact]
    public void Should_record_each_tranche_payment_once()
    {
        var payment = new GrantCommand.RecordPayment(new PaymentRecord(1, Money.Eur(144_000m), new DateOnly(2027, 10, 1), "E2E-1"), Now);
        var first = Decide(Awarded(), payment);

        Assert.Single(first);
        Assert.Empty(Decide([.. Awarded(), .. first], payment));
    }

    [Fact]
    public void Should_keep_the_review_result_without_reviewers()
    {
        var review = new ReviewResult(3.8m, [new CriterionResult("relevance", 4m, true)], true, ["Clear logframe."]);

        var received = Assert.IsType<ReviewResultReceived>(Assert.Single(Decide(Eligible(), new GrantCommand.RecordReview(review, "hash", Now))));

        Assert.Equal(ApplicationStatus.Reviewed, Spec.State<Application>([.. Eligible(), received]).Status);
    }
}

public sealed class When_a_report_is_decided_on
{
    private static readonly Guid ReportId = Guid.NewGuid();
    private static readonly DateTimeOffset DueAt = new(2028, 9, 30, 22, 0, 0, TimeSpan.Zero);

    private static ReportScheduled Scheduled(ReportKind kind = ReportKind.Final, bool audit = true) => new(
        ReportId, Guid.NewGuid(), Guid.NewGuid(), 2, kind, new DateOnly(2028, 8, 31), new DateOnly(2028, 9, 30), DueAt, audit, [30, 7],
        When_an_application_is_decided_on.Complete.Budget, "EUR");

    private static IReadOnlyList<object> Decide(IEnumerable<object> given, ReportCommand command) => ReportDecider.Decide(command, Spec.State<Report>(given));

    private static readonly Attachment Audit = new(Guid.NewGuid(), "audit.pdf", AttachmentFiles.Pdf, 100, "h", Now);

    private static ReportCommand.Submit Submission(Guid? audit) =>
        new("We trained 118 mediators.", [new SpentAmount(0, 140_000m), new SpentAmount(2, 13_000m)], audit, Applicant, Now);

    [Fact]
    public void Should_remind_once_per_reminder_and_not_after_the_due_time()
    {
        var reminded = Decide([Scheduled()], new ReportCommand.SendReminder(30, DueAt.AddDays(-30)));

        Assert.Single(reminded);
        Assert.Empty(Decide([Scheduled(), .. reminded], new ReportCommand.SendReminder(30, DueAt.AddDays(-30))));
        Assert.Empty(Decide([Scheduled()], new ReportCommand.SendReminder(7, DueAt)));
    }

    [Fact]
    public void Should_be_overdue_only_once_the_due_time_has_come()
    {
        Assert.Empty(Decide([Scheduled()], new ReportCommand.MarkOverdue(DueAt.AddSeconds(-1))));
        var overdue = Assert.IsType<ReportOverdueMarked>(Assert.Single(Decide([Scheduled()], new ReportCommand.MarkOverdue(DueAt))));
        Assert.Equal(new DateOnly(2028, 9, 30), overdue.DueDate);
    }

    [Fact]
    public void Should_not_be_overdue_once_submitted() =>
        Assert.Empty(Decide([Scheduled(ReportKind.Interim, false), .. Decide([Scheduled(ReportKind.Interim, false)], Submission(null))], new ReportCommand.MarkOverdue(DueAt)));

    [Fact]
    public void Should_require_the_audit_report_with_the_final_report_of_a_large_grant() =>
        Assert.Equal("report.not_acceptable", Spec.ErrorCode(() => Decide([Scheduled()], Submission(null))));

    [Fact]
    public void Should_declare_spending_per_budget_line()
    {
        var submitted = Assert.IsType<ReportSubmittedEvent>(Assert.Single(Decide([Scheduled(), new ReportAttachmentAdded(Audit, Applicant)], Submission(Audit.Id))));

        Assert.Equal(153_000m, submitted.DeclaredSpending.Amount);
        Assert.Equal([140_000m, 0m, 13_000m], submitted.Spending.Select(s => s.Spent));
    }

    [Fact]
    public void Should_refuse_spending_on_lines_that_do_not_exist() =>
        Assert.Equal("report.not_acceptable", Spec.ErrorCode(() => Decide([Scheduled(ReportKind.Interim, false)],
            new ReportCommand.Submit("x", [new SpentAmount(9, 1m)], null, Applicant, Now))));

    [Fact]
    public void Should_accept_a_resubmission_after_changes_were_requested()
    {
        object[] given = [Scheduled(ReportKind.Interim, false), .. Decide([Scheduled(ReportKind.Interim, false)], Submission(null))];
        var returned = Decide(given, new ReportCommand.RecordAssessment(ReportOutcome.ChangesRequested, null, ["Add receipts"], Officer, Now));

        Assert.Single(Decide([.. given, .. returned], Submission(null)));
        Assert.Equal("report.not_open", Spec.ErrorCode(() => Decide(given, Submission(null))));
    }
}

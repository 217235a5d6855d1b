using Grants.Applications.Applications;
using Grants.Applications.Calls;
using static Grants.Applications.Tests.Given;

namespace Grants.Applications.Tests.Applications;

public sealed class When_an_application_is_decided_on
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid CallId = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();

    public static ApplicationContent Complete { get; } = new(
        "Mediation in the Great Lakes",
        "conflict-prevention-and-mediation",
        ["BI", "CD"],
        new DateOnly(2027, 9, 1),
        new DateOnly(2029, 8, 31),
        "Local mediators resolve land conflicts.",
        [new Objective("Fewer violent land disputes", [new ExpectedResult("Mediators trained", [new Indicator("mediators trained", "0", "120")])])],
        [new ProjectPartner("Local NGO", "BI", "implementing partner")],
        [new BudgetLine("staff", "Mediators", 150_000m, 20_000m), new BudgetLine("activities", "Workshops", 50_000m, 0m), new BudgetLine("indirect", "Overheads", 14_000m, 0m)],
        "EUR");

    private static Call OpenCallState(CallRules? rules = null) => Spec.State<Call>(Given.OpenCall(CallId, rules));

    private static SubmissionFacts Facts(CallRules? rules = null, int others = 0, bool openGrant = false) => new(OpenCallState(rules), others, openGrant);

    private static object[] Drafted(ApplicationContent? content = null) =>
        [new ApplicationDrafted(Id, CallId, Organisation, content ?? Complete, Applicant, Now)];

    private static object[] Submitted() =>
        [.. Drafted(), new ApplicationSubmittedEvent(Id, CallId, Organisation, Complete, [], "hash", 1, Applicant, Now)];

    private static IReadOnlyList<object> Decide(IEnumerable<object> given, ApplicationCommand command) =>
        ApplicationDecider.Decide(command, Spec.State<Application>(given));

    private static IReadOnlyList<string> Violations(IEnumerable<object> given, SubmissionFacts facts, DateTimeOffset? now = null)
    {
        var error = Assert.Throws<RulesViolatedException>(() => Decide(given, new ApplicationCommand.Submit(facts, Applicant, now ?? Now)));
        Assert.Equal("application.not_admissible", error.Code);
        return [.. error.Violations.Select(v => v.Code).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Should_derive_the_requested_amount_and_co_financing_from_the_budget() =>
        Assert.Equal((214_000m, 20_000m, 194_000m, 24), (Complete.TotalCost, Complete.CoFinancing, Complete.RequestedAmount, Complete.DurationMonths));

    [Fact]
    public void Should_draft_for_an_open_call()
    {
        var drafted = Assert.IsType<ApplicationDrafted>(Assert.Single(Decide([], new ApplicationCommand.Create(Id, OpenCallState(), Organisation, true, Complete, Applicant, Now))));

        Assert.Equal((CallId, Organisation), (drafted.CallId, drafted.OrganisationId));
    }

    [Fact]
    public void Should_refuse_a_draft_from_an_unregistered_organisation() =>
        Assert.Equal("organisation.not_registered", Spec.ErrorCode(() => Decide([], new ApplicationCommand.Create(Id, OpenCallState(), Organisation, false, Complete, Applicant, Now))));

    [Fact]
    public void Should_refuse_a_draft_for_a_call_that_is_not_open() =>
        Assert.Equal("application.call_not_open", Spec.ErrorCode(() => Decide([], new ApplicationCommand.Create(
            Id, Spec.State<Call>(DraftedCall(CallId)), Organisation, true, Complete, Applicant, Now))));

    [Fact]
    public void Should_submit_with_the_hash_of_the_frozen_content()
    {
        var submitted = Assert.IsType<ApplicationSubmittedEvent>(Assert.Single(Decide(Drafted(), new ApplicationCommand.Submit(Facts(), Applicant, Now))));

        Assert.Equal(ContentHash.Of(Complete, []), submitted.ContentHash);
        Assert.Equal(64, submitted.ContentHash.Length);
    }

    [Fact]
    public void Should_accept_a_submission_at_the_deadline_itself() =>
        Assert.Single(Decide(Drafted(), new ApplicationCommand.Submit(Facts(), Applicant, Deadline)));

    [Fact]
    public void Should_refuse_a_submission_a_moment_after_the_deadline_even_while_the_call_is_open() =>
        Assert.Equal(["application.deadline_passed"], Violations(Drafted(), Facts(), Deadline.AddSeconds(1)));

    [Fact]
    public void Should_report_every_broken_rule_at_once()
    {
        var bad = Complete with
        {
            Theme = "astrology",
            Countries = ["FR"],
            EndDate = new DateOnly(2030, 12, 31),
            Budget = [new BudgetLine("staff", "Staff", 500_000m, 0m), new BudgetLine("indirect", "Overheads", 100_000m, 0m)],
        };

        Assert.Equal(
            ["application.amount_above_maximum", "application.country_not_on_call", "application.indirect_costs_over_cap", "application.open_grant",
             "application.theme_not_on_call", "application.too_long", "application.too_many_applications"],
            Violations(Drafted(bad), Facts(others: 2, openGrant: true)));
    }

    [Fact]
    public void Should_report_what_is_missing_from_an_incomplete_application()
    {
        var empty = new ApplicationContent("Title only", null, [], null, null, null, [], [], [], "EUR");

        var error = Assert.Throws<RulesViolatedException>(() => Decide(Drafted(empty), new ApplicationCommand.Submit(Facts(), Applicant, Now)));

        Assert.Equal(["budget", "countries", "endDate", "objectives", "startDate", "summary", "theme"],
            error.Violations.Where(v => v.Code == "application.incomplete").Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_refuse_an_amount_below_the_minimum_and_an_uninvited_organisation() =>
        Assert.Equal(["application.amount_below_minimum", "application.not_invited"], Violations(
            Drafted(Complete with { Budget = [new BudgetLine("staff", "Staff", 10_000m, 0m)] }),
            Facts(Rules() with { ByInvitationOnly = true, InvitedOrganisations = [Guid.NewGuid()] })));

    [Fact]
    public void Should_allow_the_open_grant_rule_to_be_switched_off_by_the_call() =>
        Assert.Single(Decide(Drafted(), new ApplicationCommand.Submit(Facts(Rules() with { OpenGrantBlocksApplication = false }, openGrant: true), Applicant, Now)));

    [Fact]
    public void Should_refuse_a_submission_to_a_call_closed_early() =>
        Assert.Equal(["application.call_not_open"], Violations(Drafted(), Facts() with
        {
            Call = Spec.State<Call>([.. Given.OpenCall(CallId), new CallClosed(CallId, Now, true, "budget", Officer)]),
        }));

    [Fact]
    public void Should_freeze_the_content_once_submitted() =>
        Assert.Equal("application.not_draft", Spec.ErrorCode(() => Decide(Submitted(), new ApplicationCommand.Update(Complete with { Title = "x" }, Applicant, Now))));

    [Fact]
    public void Should_change_nothing_when_submitted_twice() =>
        Assert.Empty(Decide(Submitted(), new ApplicationCommand.Submit(Facts(), Applicant, Now)));

    [Fact]
    public void Should_record_nothing_for_an_update_that_changes_nothing() =>
        Assert.Empty(Decide(Drafted(), new ApplicationCommand.Update(Complete with { }, Applicant, Now)));

    [Fact]
    public void Should_withdraw_with_the_reason()
    {
        var withdrawn = Assert.IsType<ApplicationWithdrawnEvent>(Assert.Single(Decide(Submitted(), new ApplicationCommand.Withdraw("merged", Applicant, Now))));

        Assert.Equal(("merged", CallId), (withdrawn.Reason, withdrawn.CallId));
    }

    [Fact]
    public void Should_not_withdraw_an_ineligible_application() =>
        Assert.Equal("application.cannot_withdraw", Spec.ErrorCode(() => Decide(
            [.. Submitted(), Ineligible()], new ApplicationCommand.Withdraw("x", Applicant, Now))));

    [Fact]
    public void Should_ask_for_clarification_with_a_reply_deadline_and_continue_once_answered()
    {
        var asked = Assert.IsType<ClarificationRequested>(Assert.Single(Decide(Submitted(), new ApplicationCommand.RequestClarification("Line 3?", 10, Officer, Now))));
        Assert.Equal(Now.AddDays(10), asked.ReplyBy);

        var answered = Decide([.. Submitted(), asked], new ApplicationCommand.AnswerClarification("A typo: 5 000, not 50 000.", Applicant, Now.AddDays(9)));

        Assert.Equal(ApplicationStatus.Submitted, Spec.State<Application>([.. Submitted(), asked, .. answered]).Status);
    }

    [Fact]
    public void Should_refuse_an_answer_after_the_reply_deadline() =>
        Assert.Equal("application.clarification_overdue", Spec.ErrorCode(() => Decide(
            [.. Submitted(), new ClarificationRequested("?", Now.AddDays(10), Officer, Now)],
            new ApplicationCommand.AnswerClarification("late", Applicant, Now.AddDays(10).AddSeconds(1)))));

    [Fact]
    public void Should_not_decide_eligibility_while_the_ngo_may_still_answer() =>
        Assert.Equal("application.clarification_pending", Spec.ErrorCode(() => Decide(
            [.. Submitted(), new ClarificationRequested("?", Now.AddDays(10), Officer, Now)],
            new ApplicationCommand.DecideEligibility(false, "x", Officer, Now.AddDays(1)))));

    [Fact]
    public void Should_record_an_officer_decision_overriding_the_automatic_check_and_keep_both()
    {
        var decided = Assert.IsType<EligibilityDecided>(Assert.Single(Decide(Submitted(), new ApplicationCommand.DecideEligibility(false, "Not a legal entity", Officer, Now))));

        Assert.Equal((false, true, "hash"), (decided.Eligible, decided.Overridden, decided.ContentHash));
        var confirmed = Assert.IsType<EligibilityDecided>(Assert.Single(Decide([.. Submitted(), decided], new ApplicationCommand.DecideEligibility(true, "Statutes received", Officer, Now))));
        Assert.False(confirmed.Overridden);
    }

    [Fact]
    public void Should_decide_eligibility_once_the_reply_deadline_passed_unanswered()
    {
        var decided = Decide(
            [.. Submitted(), new ClarificationRequested("?", Now.AddDays(10), Officer, Now)],
            new ApplicationCommand.DecideEligibility(false, "No answer to the clarification request.", Officer, Now.AddDays(11)));

        Assert.False(Assert.IsType<EligibilityDecided>(Assert.Single(decided)).Eligible);
    }

    [Fact]
    public void Should_not_decide_eligibility_of_a_draft() =>
        Assert.Equal("application.not_submitted", Spec.ErrorCode(() => Decide(Drafted(), new ApplicationCommand.DecideEligibility(true, "x", Officer, Now))));

    [Fact]
    public void Should_limit_the_number_of_attachments()
    {
        var given = Drafted().Concat(Enumerable.Range(0, ApplicationDecider.MaxAttachments)
            .Select(i => (object)new AttachmentAdded(new Attachment(Guid.NewGuid(), $"{i}.pdf", AttachmentFiles.Pdf, 10, "h", Now), Applicant)));

        Assert.Equal("attachment.too_many", Spec.ErrorCode(() => Decide(given, new ApplicationCommand.AddAttachment(
            new Attachment(Guid.NewGuid(), "x.pdf", AttachmentFiles.Pdf, 10, "h", Now), Applicant))));
    }

    private static EligibilityDecided Ineligible() =>
        new(Id, CallId, Organisation, false, "no", true, "t", Money.Eur(1), "hash", Now, Officer, Now);
}

using Grants.Applications.Calls;
using static Grants.Applications.Tests.Given;

namespace Grants.Applications.Tests.Calls;

public sealed class When_a_call_is_decided_on
{
    private static readonly Guid Id = Guid.NewGuid();

    private static IReadOnlyList<object> Decide(IEnumerable<object> given, CallCommand command) =>
        CallDecider.Decide(command, Spec.State<Call>(given));

    [Fact]
    public void Should_draft_a_new_call_with_its_rules()
    {
        var events = Decide([], new CallCommand.Draft(Id, "PB-1", "Call", Rules(), Officer, Now));

        var drafted = Assert.IsType<CallDrafted>(Assert.Single(events));
        Assert.Equal((Id, "PB-1", Deadline), (drafted.CallId, drafted.Reference, drafted.Rules.SubmissionDeadline));
    }

    [Fact]
    public void Should_refuse_to_draft_over_an_existing_call() =>
        Assert.Equal("call.already_exists", Spec.ErrorCode(() => Decide(DraftedCall(Id), new CallCommand.Draft(Id, "PB-1", "Call", Rules(), Officer, Now))));

    [Fact]
    public void Should_edit_a_draft_and_count_its_rules_versions()
    {
        var events = Decide(DraftedCall(Id), new CallCommand.Edit("New title", Rules() with { MaxDurationMonths = 18 }, Officer, Now));

        var state = Spec.State<Call>([.. DraftedCall(Id), .. events]);
        Assert.Equal(("New title", 18, 2), (state.Title, state.Rules!.MaxDurationMonths, state.RulesVersion));
    }

    [Fact]
    public void Should_refuse_to_edit_an_open_call() =>
        Assert.Equal("call.not_draft", Spec.ErrorCode(() => Decide(OpenCall(Id), new CallCommand.Edit("x", Rules(), Officer, Now))));

    [Fact]
    public void Should_refuse_to_edit_a_call_that_does_not_exist() =>
        Assert.Equal("call.not_found", Spec.ErrorCode(() => Decide([], new CallCommand.Edit("x", Rules(), Officer, Now))));

    [Fact]
    public void Should_open_with_the_whole_rule_set_and_its_version()
    {
        var opened = Assert.IsType<CallOpened>(Assert.Single(Decide(DraftedCall(Id), new CallCommand.Open(Officer, Now))));

        Assert.Equal((Deadline, 1, Officer), (opened.Rules.SubmissionDeadline, opened.RulesVersion, opened.OpenedBy));
    }

    [Fact]
    public void Should_refuse_to_open_after_the_deadline() =>
        Assert.Equal("call.deadline_passed", Spec.ErrorCode(() => Decide(DraftedCall(Id), new CallCommand.Open(Officer, Deadline))));

    [Fact]
    public void Should_change_nothing_when_opened_twice() =>
        Assert.Empty(Decide(OpenCall(Id), new CallCommand.Open(Officer, Now)));

    [Fact]
    public void Should_refuse_to_reopen_a_closed_call() =>
        Assert.Equal("call.closed", Spec.ErrorCode(() => Decide(
            [.. OpenCall(Id), new CallClosed(Id, Now, true, "budget cut", Officer)], new CallCommand.Open(Officer, Now))));

    [Fact]
    public void Should_close_early_with_the_reason()
    {
        var closed = Assert.IsType<CallClosed>(Assert.Single(Decide(OpenCall(Id), new CallCommand.CloseEarly("budget cut", Officer, Now))));

        Assert.Equal((true, "budget cut", Officer), (closed.Early, closed.Reason, closed.ClosedBy));
    }

    [Fact]
    public void Should_refuse_to_close_a_draft() =>
        Assert.Equal("call.not_open", Spec.ErrorCode(() => Decide(DraftedCall(Id), new CallCommand.CloseEarly("x", Officer, Now))));

    [Fact]
    public void Should_close_at_the_deadline_as_of_the_deadline_even_when_the_job_runs_late()
    {
        var closed = Assert.IsType<CallClosed>(Assert.Single(Decide(OpenCall(Id), new CallCommand.CloseAtDeadline(Deadline.AddMinutes(5)))));

        Assert.Equal((Deadline, false, (Actor?)null), (closed.At, closed.Early, closed.ClosedBy));
    }

    [Fact]
    public void Should_not_close_before_the_deadline() =>
        Assert.Empty(Decide(OpenCall(Id), new CallCommand.CloseAtDeadline(Deadline.AddSeconds(-1))));

    [Fact]
    public void Should_change_nothing_when_the_deadline_fires_twice() =>
        Assert.Empty(Decide([.. OpenCall(Id), new CallClosed(Id, Deadline, false, null, null)], new CallCommand.CloseAtDeadline(Deadline)));

    [Fact]
    public void Should_hide_a_call_by_invitation_from_organisations_not_invited()
    {
        var invited = Guid.NewGuid();
        var call = Spec.State<Call>(OpenCall(Id, Rules() with { ByInvitationOnly = true, InvitedOrganisations = [invited] }));

        Assert.Equal((true, false, true), (call.IsVisibleTo(invited), call.IsVisibleTo(Guid.NewGuid()), call.IsVisibleTo(null)));
    }
}

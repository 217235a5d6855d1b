using Grants.Applications.Calls;

namespace Grants.Applications.Applications;

public abstract record ApplicationCommand
{
    public sealed record Create(Guid ApplicationId, Call Call, Guid OrganisationId, bool OrganisationRegistered, ApplicationContent Content, Actor By, DateTimeOffset Now)
        : ApplicationCommand;

    public sealed record Update(ApplicationContent Content, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record AddAttachment(Attachment Attachment, Actor By) : ApplicationCommand;

    public sealed record RemoveAttachment(Guid AttachmentId, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record Submit(SubmissionFacts Facts, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record Withdraw(string Reason, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record RequestClarification(string Question, int ReplyDays, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record AnswerClarification(string Answer, Actor By, DateTimeOffset Now) : ApplicationCommand;

    public sealed record DecideEligibility(bool Eligible, string Justification, Actor By, DateTimeOffset Now) : ApplicationCommand;
}

public static class ApplicationDecider
{
    public const int MaxAttachments = 20;

    private static readonly ApplicationStatus[] Withdrawable =
        [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.ClarificationRequested, ApplicationStatus.Eligible, ApplicationStatus.Reviewed];

    public static IReadOnlyList<object> Decide(ApplicationCommand command, Application state) => (command, state) switch
    {
        (ApplicationCommand.Create c, { Status: ApplicationStatus.None }) => Create(c),
        (ApplicationCommand.Create, _) => throw new DomainException("application.already_exists", "This application already exists.", DomainErrorKind.Conflict),
        (_, { Status: ApplicationStatus.None }) => throw new DomainException("application.not_found", "No such application.", DomainErrorKind.NotFound),

        (ApplicationCommand.Update c, { Status: ApplicationStatus.Draft }) =>
            ContentHash.Of(c.Content, []) == ContentHash.Of(state.Content!, []) ? [] : [new DraftUpdated(c.Content, c.By, c.Now)],
        (ApplicationCommand.AddAttachment c, { Status: ApplicationStatus.Draft }) => AddAttachment(c, state),
        (ApplicationCommand.RemoveAttachment c, { Status: ApplicationStatus.Draft }) => state.Attachments.Any(a => a.Id == c.AttachmentId)
            ? [new AttachmentRemoved(c.AttachmentId, c.By, c.Now)]
            : throw new DomainException("attachment.not_found", "No such attachment.", DomainErrorKind.NotFound),
        (ApplicationCommand.Submit c, { Status: ApplicationStatus.Draft }) => Submit(c, state),
        (ApplicationCommand.Submit, { Status: ApplicationStatus.Submitted }) => [],
        (ApplicationCommand.Update or ApplicationCommand.AddAttachment or ApplicationCommand.RemoveAttachment or ApplicationCommand.Submit, _) =>
            throw new DomainException("application.not_draft", "The application has been submitted; its content is frozen."),

        (ApplicationCommand.Withdraw, { Status: ApplicationStatus.Withdrawn }) => [],
        (ApplicationCommand.Withdraw c, _) when Withdrawable.Contains(state.Status) =>
            [new ApplicationWithdrawnEvent(state.Id, state.CallId, state.OrganisationId, c.Reason, c.By, c.Now)],
        (ApplicationCommand.Withdraw, _) => throw new DomainException("application.cannot_withdraw", $"An application that is {state.Status} can no longer be withdrawn."),

        (ApplicationCommand.RequestClarification c, { Status: ApplicationStatus.Submitted }) =>
            [new ClarificationRequested(c.Question, c.Now.AddDays(c.ReplyDays), c.By, c.Now)],
        (ApplicationCommand.RequestClarification, _) => throw new DomainException(
            "application.not_submitted", "Clarification can be asked only of a submitted application awaiting its eligibility decision."),

        (ApplicationCommand.AnswerClarification c, { Status: ApplicationStatus.ClarificationRequested, Clarification: { } asked }) => c.Now > asked.ReplyBy
            ? throw new DomainException("application.clarification_overdue", $"The reply was due by {asked.ReplyBy:u}.")
            : [new ClarificationAnswered(c.Answer, c.By, c.Now)],
        (ApplicationCommand.AnswerClarification, _) => throw new DomainException("application.no_clarification_requested", "No clarification is awaiting an answer."),

        (ApplicationCommand.DecideEligibility c, _) => DecideEligibility(c, state),
        _ => throw new InvalidOperationException($"Unhandled application command {command.GetType().Name}."),
    };

    private static IReadOnlyList<object> Create(ApplicationCommand.Create c)
    {
        if (!c.OrganisationRegistered)
        {
            throw new DomainException("organisation.not_registered", "Register the organisation before drafting an application.");
        }

        if (c.Call.Status != CallStatus.Open || c.Now > c.Call.Rules!.SubmissionDeadline)
        {
            throw new DomainException("application.call_not_open", "The call is not open for applications.");
        }

        return c.Call.IsVisibleTo(c.OrganisationId)
            ? [new ApplicationDrafted(c.ApplicationId, c.Call.Id, c.OrganisationId, c.Content, c.By, c.Now)]
            : throw new DomainException("call.not_found", "No such call.", DomainErrorKind.NotFound);
    }

    private static IReadOnlyList<object> AddAttachment(ApplicationCommand.AddAttachment c, Application state) =>
        state.Attachments.Count >= MaxAttachments
            ? throw new DomainException("attachment.too_many", $"An application may carry at most {MaxAttachments} attachments.")
            : [new AttachmentAdded(c.Attachment, c.By)];

    private static IReadOnlyList<object> Submit(ApplicationCommand.Submit c, Application state)
    {
        var violations = EligibilityRules.Check(state, c.Facts, c.Now);
        if (violations.Count > 0)
        {
            throw new RulesViolatedException("application.not_admissible", $"The application breaks {violations.Count} rule(s) of the call; nothing was submitted.", violations);
        }

        var hash = ContentHash.Of(state.Content!, state.Attachments);
        return [new ApplicationSubmittedEvent(state.Id, state.CallId, state.OrganisationId, state.Content!, state.Attachments, hash, c.Facts.Call.RulesVersion, c.By, c.Now)];
    }

    /// <summary>
    /// The automatic check at submission found the application eligible (it is refused otherwise); an
    /// officer's decision either confirms it or overrides it, and may be revised before review.
    /// </summary>
    private static IReadOnlyList<object> DecideEligibility(ApplicationCommand.DecideEligibility c, Application state)
    {
        var unanswered = state is { Status: ApplicationStatus.ClarificationRequested, Clarification: { } asked } && c.Now <= asked.ReplyBy;
        if (unanswered)
        {
            throw new DomainException("application.clarification_pending", "The NGO may still answer the clarification request.");
        }

        if (state.Status is not (ApplicationStatus.Submitted or ApplicationStatus.ClarificationRequested or ApplicationStatus.Eligible or ApplicationStatus.Ineligible))
        {
            throw new DomainException("application.not_submitted", $"An application that is {state.Status} has no eligibility to decide.");
        }

        return state.Eligible == c.Eligible
            ? []
            : [new EligibilityDecided(state.Id, state.CallId, state.OrganisationId, c.Eligible, c.Justification, Overridden: !c.Eligible,
                state.Content!.Theme!, state.Content.Requested, state.ContentHash!, state.SubmittedAt!.Value, c.By, c.Now)];
    }
}

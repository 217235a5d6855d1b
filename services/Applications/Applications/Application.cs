using Grants.Applications.Grants;

namespace Grants.Applications.Applications;

public enum ApplicationStatus
{
    None,
    Draft,
    Submitted,
    ClarificationRequested,
    Eligible,
    Ineligible,
    Withdrawn,
    Reviewed,
    ReserveList,
    Rejected,
    Awarded,
    AgreementSigned,
    Closed,
}

public sealed record ApplicationDrafted(Guid ApplicationId, Guid CallId, Guid OrganisationId, ApplicationContent Content, Actor By, DateTimeOffset At);

public sealed record DraftUpdated(ApplicationContent Content, Actor By, DateTimeOffset At);

public sealed record AttachmentAdded(Attachment Attachment, Actor By);

public sealed record AttachmentRemoved(Guid AttachmentId, Actor By, DateTimeOffset At);

/// <summary>The frozen content and its hash, and the facts the automatic check used, so a replay reaches the same result.</summary>
public sealed record ApplicationSubmittedEvent(
    Guid ApplicationId, Guid CallId, Guid OrganisationId, ApplicationContent Content, IReadOnlyList<Attachment> Attachments,
    string ContentHash, int RulesVersion, Actor By, DateTimeOffset At);

public sealed record ClarificationRequested(string Question, DateTimeOffset ReplyBy, Actor By, DateTimeOffset At);

public sealed record ClarificationAnswered(string Answer, Actor By, DateTimeOffset At);

/// <summary>An officer's decision; <see cref="Overridden"/> when it departs from the automatic check made at submission.</summary>
public sealed record EligibilityDecided(
    Guid ApplicationId, Guid CallId, Guid OrganisationId, bool Eligible, string Justification, bool Overridden,
    string Theme, Money RequestedAmount, string ContentHash, DateTimeOffset SubmittedAt, Actor By, DateTimeOffset At);

public sealed record ApplicationWithdrawnEvent(Guid ApplicationId, Guid CallId, Guid OrganisationId, string Reason, Actor By, DateTimeOffset At);

public sealed record Clarification(string Question, DateTimeOffset ReplyBy, string? Answer);

public sealed record Application(
    Guid Id,
    Guid CallId,
    Guid OrganisationId,
    ApplicationStatus Status,
    ApplicationContent? Content,
    IReadOnlyList<Attachment> Attachments,
    string? ContentHash,
    DateTimeOffset? SubmittedAt,
    Clarification? Clarification,
    bool? Eligible,
    GrantRecord Grant) : IEventSourced<Application>
{
    public static Application Initial { get; } = new(Guid.Empty, Guid.Empty, Guid.Empty, ApplicationStatus.None, null, [], null, null, null, null, GrantRecord.Empty);

    public static Application Evolve(Application state, object @event) => @event switch
    {
        ApplicationDrafted e => Initial with { Id = e.ApplicationId, CallId = e.CallId, OrganisationId = e.OrganisationId, Status = ApplicationStatus.Draft, Content = e.Content },
        DraftUpdated e => state with { Content = e.Content },
        AttachmentAdded e => state with { Attachments = [.. state.Attachments, e.Attachment] },
        AttachmentRemoved e => state with { Attachments = [.. state.Attachments.Where(a => a.Id != e.AttachmentId)] },
        ApplicationSubmittedEvent e => state with { Status = ApplicationStatus.Submitted, Content = e.Content, ContentHash = e.ContentHash, SubmittedAt = e.At },
        ClarificationRequested e => state with { Status = ApplicationStatus.ClarificationRequested, Clarification = new Clarification(e.Question, e.ReplyBy, null) },
        ClarificationAnswered e => state with { Status = ApplicationStatus.Submitted, Clarification = state.Clarification! with { Answer = e.Answer } },
        EligibilityDecided e => state with { Status = e.Eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible, Eligible = e.Eligible },
        ApplicationWithdrawnEvent => state with { Status = ApplicationStatus.Withdrawn },
        _ => GrantEvolution.Evolve(state, @event),
    };
}

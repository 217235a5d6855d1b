namespace Grants.Applications.Calls;

public enum CallStatus
{
    None,
    Draft,
    Open,
    Closed,
}

public sealed record CallDrafted(Guid CallId, string Reference, string Title, CallRules Rules, Actor DraftedBy, DateTimeOffset At);

public sealed record CallEdited(string Title, CallRules Rules, Actor EditedBy, DateTimeOffset At);

/// <summary>Carries the whole rule set and its version, as the call opens with them.</summary>
public sealed record CallOpened(Guid CallId, string Reference, string Title, CallRules Rules, int RulesVersion, Actor OpenedBy, DateTimeOffset At);

public sealed record CallClosed(Guid CallId, DateTimeOffset At, bool Early, string? Reason, Actor? ClosedBy);

public sealed record Call(Guid Id, CallStatus Status, string Reference, string Title, CallRules? Rules, int RulesVersion, DateTimeOffset? ClosedAt)
    : IEventSourced<Call>
{
    public static Call Initial { get; } = new(Guid.Empty, CallStatus.None, "", "", null, 0, null);

    /// <summary>Whether an applicant of this organisation may see the call at all.</summary>
    public bool IsVisibleTo(Guid? applicantOrganisation) =>
        applicantOrganisation is not { } organisation
        || (Status != CallStatus.Draft && (Rules is not { ByInvitationOnly: true } rules || rules.InvitedOrganisations.Contains(organisation)));

    public static Call Evolve(Call state, object @event) => @event switch
    {
        CallDrafted e => new Call(e.CallId, CallStatus.Draft, e.Reference, e.Title, e.Rules, 1, null),
        CallEdited e => state with { Title = e.Title, Rules = e.Rules, RulesVersion = state.RulesVersion + 1 },
        CallOpened e => state with { Status = CallStatus.Open, Title = e.Title, Rules = e.Rules, RulesVersion = e.RulesVersion },
        CallClosed e => state with { Status = CallStatus.Closed, ClosedAt = e.At },
        _ => state,
    };
}

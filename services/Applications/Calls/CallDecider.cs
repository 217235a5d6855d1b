namespace Grants.Applications.Calls;

public abstract record CallCommand
{
    public sealed record Draft(Guid CallId, string Reference, string Title, CallRules Rules, Actor By, DateTimeOffset Now) : CallCommand;

    public sealed record Edit(string Title, CallRules Rules, Actor By, DateTimeOffset Now) : CallCommand;

    public sealed record Open(Actor By, DateTimeOffset Now) : CallCommand;

    public sealed record CloseEarly(string Reason, Actor By, DateTimeOffset Now) : CallCommand;

    /// <summary>Sent by the schedule at the deadline; may arrive twice, or late.</summary>
    public sealed record CloseAtDeadline(DateTimeOffset Now) : CallCommand;
}

public static class CallDecider
{
    public static IReadOnlyList<object> Decide(CallCommand command, Call state) => (command, state) switch
    {
        (CallCommand.Draft c, { Status: CallStatus.None }) => [new CallDrafted(c.CallId, c.Reference, c.Title, c.Rules, c.By, c.Now)],
        (CallCommand.Draft, _) => throw Error("call.already_exists", "A call with this id already exists.", DomainErrorKind.Conflict),

        (CallCommand.Edit c, { Status: CallStatus.Draft }) => [new CallEdited(c.Title, c.Rules, c.By, c.Now)],
        (CallCommand.Edit, { Status: CallStatus.None }) => throw NotFound(),
        (CallCommand.Edit, _) => throw Error("call.not_draft", "Only a draft call can be edited; its rules are fixed once it opens."),

        (CallCommand.Open c, { Status: CallStatus.Draft, Rules: { } rules }) when c.Now >= rules.SubmissionDeadline =>
            throw Error("call.deadline_passed", "The submission deadline has already passed; move it before opening the call."),
        (CallCommand.Open c, { Status: CallStatus.Draft, Rules: { } rules }) =>
            [new CallOpened(state.Id, state.Reference, state.Title, rules, state.RulesVersion, c.By, c.Now)],
        (CallCommand.Open, { Status: CallStatus.Open }) => [],
        (CallCommand.Open, { Status: CallStatus.None }) => throw NotFound(),
        (CallCommand.Open, _) => throw Error("call.closed", "A closed call cannot be opened again."),

        (CallCommand.CloseEarly c, { Status: CallStatus.Open }) => [new CallClosed(state.Id, c.Now, true, c.Reason, c.By)],
        (CallCommand.CloseEarly, { Status: CallStatus.Closed }) => [],
        (CallCommand.CloseEarly, { Status: CallStatus.None }) => throw NotFound(),
        (CallCommand.CloseEarly, _) => throw Error("call.not_open", "Only an open call can be closed."),

        (CallCommand.CloseAtDeadline c, { Status: CallStatus.Open, Rules: { } rules }) when c.Now >= rules.SubmissionDeadline =>
            [new CallClosed(state.Id, rules.SubmissionDeadline, false, null, null)],
        (CallCommand.CloseAtDeadline, _) => [],

        _ => throw new InvalidOperationException($"Unhandled call command {command.GetType().Name}."),
    };

    private static DomainException NotFound() => Error("call.not_found", "No such call.", DomainErrorKind.NotFound);

    private static DomainException Error(string code, string message, DomainErrorKind kind = DomainErrorKind.Rejected) => new(code, message, kind);
}

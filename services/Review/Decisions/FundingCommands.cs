using Grants.Contracts.Funding;

namespace Grants.Review.Decisions;

public abstract record FundingCommand(DateTimeOffset Now);

public sealed record ProposedDecision(Guid ApplicationId, FundingOutcome Outcome, Money? Amount, IReadOnlyList<string> Reasons);

public sealed record ProposeDecisions(IReadOnlyList<ProposedDecision> Decisions, Actor Officer, DateTimeOffset Now) : FundingCommand(Now);

public sealed record ConfirmDecisions(IReadOnlyList<Guid> ApplicationIds, Actor Approver, DateTimeOffset Now) : FundingCommand(Now);

/// <summary>The NGO declined its award; the money goes back to the envelope.</summary>
public sealed record ReleaseAward(Guid ApplicationId, string Reason, Actor By, DateTimeOffset Now) : FundingCommand(Now);

public sealed record RecordComplaint(Guid ComplaintId, Guid ApplicationId, string Complaint, Actor By, DateTimeOffset Now) : FundingCommand(Now);

public sealed record ResolveComplaint(Guid ComplaintId, string Resolution, Actor By, DateTimeOffset Now) : FundingCommand(Now);

using Grants.Applications.Applications;
using Grants.Applications.Calls;

namespace Grants.Applications.Grants;

public abstract record GrantCommand
{
    public sealed record RecordReview(ReviewResult Result, string ContentHash, DateTimeOffset Now) : GrantCommand;

    public sealed record RecordFunding(string Outcome, Money? Amount, IReadOnlyList<string> Reasons, int RulesVersion, CallRules Rules, DateTimeOffset Now) : GrantCommand;

    public sealed record SignAgreement(Actor By, DateTimeOffset Now) : GrantCommand;

    public sealed record RecordTranches(Guid GrantId, IReadOnlyList<TrancheTerm> Tranches, DateTimeOffset Now) : GrantCommand;

    public sealed record RecordPayment(PaymentRecord Payment, DateTimeOffset Now) : GrantCommand;

    public sealed record RecordClosure(GrantClosure Closure) : GrantCommand;
}

/// <summary>
/// What other services decided, recorded on the application so the NGO sees it, and the signature
/// that turns an award into an agreement. Messages about applications this service does not hold,
/// or that were withdrawn, change nothing: redelivered or late messages must never fail a consumer.
/// </summary>
public static class GrantDecider
{
    public static IReadOnlyList<object> Decide(GrantCommand command, Application state) => (command, state) switch
    {
        (GrantCommand.SignAgreement, { Status: ApplicationStatus.None }) => throw new DomainException("application.not_found", "No such application.", DomainErrorKind.NotFound),
        (GrantCommand.SignAgreement c, { Status: ApplicationStatus.Awarded, Grant.Terms: { } terms }) =>
            [new GrantAgreementSignedEvent(state.Id, state.OrganisationId, terms, c.By, c.Now)],
        (GrantCommand.SignAgreement, { Status: ApplicationStatus.AgreementSigned or ApplicationStatus.Closed }) => [],
        (GrantCommand.SignAgreement, _) => throw new DomainException("application.not_awarded", "Only an awarded application has an agreement to sign."),

        (_, { Status: ApplicationStatus.None or ApplicationStatus.Withdrawn }) => [],
        (GrantCommand.RecordReview c, _) when state.Grant.Review is null => [new ReviewResultReceived(c.Result, c.ContentHash, c.Now)],
        (GrantCommand.RecordReview, _) => [],
        (GrantCommand.RecordFunding c, _) => RecordFunding(c, state),
        (GrantCommand.RecordTranches c, _) when !state.Grant.LedgerTranches.SequenceEqual(c.Tranches) => [new TranchesPlanned(c.GrantId, c.Tranches, c.Now)],
        (GrantCommand.RecordTranches, _) => [],
        (GrantCommand.RecordPayment c, _) when state.Grant.Payments.All(p => p.TrancheNumber != c.Payment.TrancheNumber) => [new PaymentReceived(c.Payment, c.Now)],
        (GrantCommand.RecordPayment, _) => [],
        (GrantCommand.RecordClosure c, _) when state.Grant.Closure is null => [new GrantClosedReceived(c.Closure)],
        (GrantCommand.RecordClosure, _) => [],
        _ => throw new InvalidOperationException($"Unhandled grant command {command.GetType().Name}."),
    };

    /// <summary>A reserve-listed application may be awarded later; an award, once signed, is not reopened by a late message.</summary>
    private static IReadOnlyList<object> RecordFunding(GrantCommand.RecordFunding c, Application state)
    {
        if (state.Status is ApplicationStatus.AgreementSigned or ApplicationStatus.Closed || state.Grant.Funding?.Outcome == c.Outcome)
        {
            return [];
        }

        var terms = c.Outcome == "Award" && c.Amount is { } amount ? AgreementPlanner.Terms(state.Id, state.Content!, c.Rules, amount, state.Grant.LedgerTranches) : null;
        return [new FundingDecisionReceived(new FundingResult(c.Outcome, c.Amount, c.Reasons, c.RulesVersion), terms, c.Now)];
    }
}

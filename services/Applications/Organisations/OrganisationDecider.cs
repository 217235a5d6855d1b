using Grants.Contracts.Organisations;

namespace Grants.Applications.Organisations;

public abstract record OrganisationCommand
{
    public sealed record Register(Guid OrganisationId, OrganisationProfile Profile, BankAccount Account, Actor By, DateTimeOffset Now) : OrganisationCommand;

    /// <summary>The whole profile and account as the NGO now wants them; only what differs is recorded.</summary>
    public sealed record Update(string LegalName, string LegalForm, Address Address, Contact Contact, BankAccount Account, Actor By, DateTimeOffset Now)
        : OrganisationCommand;

    public sealed record VerifyBankAccount(Actor By, DateTimeOffset Now) : OrganisationCommand;
}

public static class OrganisationDecider
{
    public static IReadOnlyList<object> Decide(OrganisationCommand command, Organisation state) => (command, state) switch
    {
        (OrganisationCommand.Register c, { IsRegistered: false }) => [new OrganisationRegisteredEvent(c.OrganisationId, c.Profile, c.Account, c.By, c.Now)],
        (OrganisationCommand.Register, _) => throw new DomainException(
            "organisation.already_registered", "This organisation is already registered.", DomainErrorKind.Conflict),
        (_, { IsRegistered: false }) => throw new DomainException("organisation.not_found", "No such organisation.", DomainErrorKind.NotFound),
        (OrganisationCommand.Update c, _) => Update(c, state),
        (OrganisationCommand.VerifyBankAccount c, _) => Verify(c, state),
        _ => throw new InvalidOperationException($"Unhandled organisation command {command.GetType().Name}."),
    };

    private static List<object> Update(OrganisationCommand.Update c, Organisation state)
    {
        var profile = state.Profile! with { LegalName = c.LegalName, LegalForm = c.LegalForm, Address = c.Address, Contact = c.Contact };
        var events = new List<object>();
        if (profile != state.Profile)
        {
            events.Add(new OrganisationProfileUpdated(state.Id, profile, state.AccountOnFile!, state.Pending is null, c.By, c.Now));
        }

        if (c.Account != state.AccountOnFile)
        {
            events.Add(new BankAccountChangeRequested(state.Id, profile, c.Account, c.By, c.Now));
        }

        return events;
    }

    private static IReadOnlyList<object> Verify(OrganisationCommand.VerifyBankAccount c, Organisation state) => state.Pending switch
    {
        null => throw new DomainException("organisation.no_pending_bank_change", "There is no bank account change awaiting verification."),
        { RequestedBy.UserId: var requester } when requester == c.By.UserId => throw new DomainException(
            "organisation.same_person", "Bank details must be verified by a second person, not by whoever entered them."),
        { } pending => [new BankAccountVerified(state.Id, state.Profile!, pending.Account, c.By, c.Now)],
    };
}

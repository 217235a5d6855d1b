using Grants.Contracts.Organisations;
using Grants.Hosting.Messaging;

namespace Grants.Payments.Organisations;

public sealed class BankAccountRegisteredConsumer(EventStore store) : IdempotentConsumer<OrganisationRegistered>(store)
{
    protected override string ConsumerName => "payments.bank-account-registered";

    protected override async Task Handle(OrganisationRegistered message, EventSession session, CancellationToken ct)
    {
        var payee = await session.FetchForWriting<Payee>(message.OrganisationId, ct);
        var events = Payee.Registered(new BankAccountRecorded(message.OrganisationId, message.LegalName, message.BankAccount, true), payee.State);
        session.Write(message.OrganisationId, "payee", payee.Version, events);
    }
}

public sealed class BankAccountUpdatedConsumer(EventStore store) : IdempotentConsumer<OrganisationUpdated>(store)
{
    protected override string ConsumerName => "payments.bank-account-updated";

    protected override async Task Handle(OrganisationUpdated message, EventSession session, CancellationToken ct)
    {
        var payee = await session.FetchForWriting<Payee>(message.OrganisationId, ct);
        var events = Payee.Updated(
            new BankAccountRecorded(message.OrganisationId, message.LegalName, message.BankAccount, message.BankAccountVerified), payee.State);
        session.Write(message.OrganisationId, "payee", payee.Version, events);
    }
}

using Grants.Contracts.Applications;
using Grants.Contracts.Organisations;
using Grants.EventSourcing;
using Grants.Hosting.Messaging;

namespace Grants.Payments.Sanctions.Screening;

/// <summary>A new organisation: its legal name and its account holder are screened.</summary>
public sealed class ScreenRegisteredOrganisation(EventStore store, OrganisationScreening screening, TimeProvider time)
    : IdempotentConsumer<OrganisationRegistered>(store)
{
    protected override string ConsumerName => "sanctions-organisation-registered";

    protected override Task Handle(OrganisationRegistered message, EventSession session, CancellationToken ct) =>
        screening.Record(
            session, new RecordOrganisation(message.OrganisationId, message.LegalName, message.BankAccount.HolderName, message.OccurredAt, time.GetUtcNow()), "organisation_registered", ct);
}

/// <summary>A changed name or bank account holder is screened again.</summary>
public sealed class ScreenUpdatedOrganisation(EventStore store, OrganisationScreening screening, TimeProvider time)
    : IdempotentConsumer<OrganisationUpdated>(store)
{
    protected override string ConsumerName => "sanctions-organisation-updated";

    protected override Task Handle(OrganisationUpdated message, EventSession session, CancellationToken ct) =>
        screening.Record(
            session, new RecordOrganisation(message.OrganisationId, message.LegalName, message.BankAccount.HolderName, message.OccurredAt, time.GetUtcNow()), "organisation_updated", ct);
}

/// <summary>The partners an application names are screened with the organisation that applied.</summary>
public sealed class ScreenApplicationPartners(EventStore store, OrganisationScreening screening, TimeProvider time)
    : IdempotentConsumer<ApplicationSubmitted>(store)
{
    protected override string ConsumerName => "sanctions-application-submitted";

    protected override Task Handle(ApplicationSubmitted message, EventSession session, CancellationToken ct) =>
        screening.Record(
            session,
            new RecordPartners(message.OrganisationId, message.ApplicationId, [.. message.Partners.Select(p => p.Name)], time.GetUtcNow()),
            "application_submitted",
            ct);
}

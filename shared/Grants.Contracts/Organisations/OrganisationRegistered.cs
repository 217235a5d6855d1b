namespace Grants.Contracts.Organisations;

public sealed record OrganisationRegistered : IntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required string LegalName { get; init; }

    public required string RegistrationNumber { get; init; }

    public required string Country { get; init; }

    public required BankAccount BankAccount { get; init; }
}

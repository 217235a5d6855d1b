namespace Grants.Contracts.Organisations;

public sealed record OrganisationRegistered : IntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required string LegalName { get; init; }

    public required string RegistrationNumber { get; init; }

    public required string Country { get; init; }

    public required BankAccount BankAccount { get; init; }

    /// <summary>False at registration: the first bank details await a second person's verification too (then OrganisationUpdated says so).</summary>
    public bool BankAccountVerified { get; init; }
}

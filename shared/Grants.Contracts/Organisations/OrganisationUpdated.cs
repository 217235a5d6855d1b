namespace Grants.Contracts.Organisations;

public sealed record OrganisationUpdated : IntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required string LegalName { get; init; }

    public required string Country { get; init; }

    public required BankAccount BankAccount { get; init; }

    /// <summary>False while a bank detail change awaits a second person's verification.</summary>
    public required bool BankAccountVerified { get; init; }

    public required Actor UpdatedBy { get; init; }
}

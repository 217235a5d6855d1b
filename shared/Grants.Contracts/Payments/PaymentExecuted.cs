namespace Grants.Contracts.Payments;

public sealed record PaymentExecuted : IntegrationEvent
{
    public required Guid GrantId { get; init; }

    public required Guid ApplicationId { get; init; }

    public required int TrancheNumber { get; init; }

    public required Money Amount { get; init; }

    public required DateOnly ExecutedOn { get; init; }

    /// <summary>The pain.001 end-to-end id the bank reports back.</summary>
    public required string EndToEndId { get; init; }

    /// <summary>The bank's reference for the executed batch the payment was in.</summary>
    public string? BankReference { get; init; }
}

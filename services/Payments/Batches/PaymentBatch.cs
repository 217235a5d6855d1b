using Grants.Contracts.Organisations;

namespace Grants.Payments.Batches;

/// <summary>The ministry's account the money leaves from, as configured when the batch was made.</summary>
public sealed record Debtor(string Name, string Iban, string Bic);

/// <summary>One credit transfer: everything the file needs, frozen when the batch is made, so every export is the same.</summary>
public sealed record BatchPayment(
    Guid GrantId, Guid ApplicationId, int TrancheNumber, Money Amount, DateOnly ExecutionDate, string EndToEndId, BankAccount Creditor, string Remittance);

public sealed record PaymentBatchCreated(Guid BatchId, string MessageId, DateTimeOffset CreatedAt, Actor CreatedBy, Debtor Debtor, IReadOnlyList<BatchPayment> Payments);

public sealed record PaymentBatchExported(string FileSha256, DateTimeOffset ExportedAt, Actor ExportedBy);

public sealed record PaymentBatchExecuted(string BankReference, DateOnly ExecutedOn, Actor RecordedBy);

public sealed record PaymentBatchRejected(string Reason, Actor RecordedBy);

public enum BatchStatus
{
    None,
    Created,
    Exported,
    Executed,
    Rejected,
}

public sealed record PaymentBatch(BatchStatus Status, PaymentBatchCreated? Created, string? FileSha256, string? BankReference, DateOnly? ExecutedOn)
    : IEventSourced<PaymentBatch>
{
    public static PaymentBatch Initial { get; } = new(BatchStatus.None, null, null, null, null);

    public static PaymentBatch Evolve(PaymentBatch state, object @event) => @event switch
    {
        PaymentBatchCreated e => state with { Status = BatchStatus.Created, Created = e },
        PaymentBatchExported e => state with { Status = BatchStatus.Exported, FileSha256 = e.FileSha256 },
        PaymentBatchExecuted e => state with { Status = BatchStatus.Executed, BankReference = e.BankReference, ExecutedOn = e.ExecutedOn },
        PaymentBatchRejected => state with { Status = BatchStatus.Rejected },
        _ => state,
    };
}

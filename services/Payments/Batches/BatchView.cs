namespace Grants.Payments.Batches;

public sealed record BatchView(
    Guid Id, string Status, string MessageId, DateTimeOffset CreatedAt, string CreatedBy, Money Total, IReadOnlyList<BatchPayment> Payments,
    string? FileSha256, string? BankReference, DateOnly? ExecutedOn)
{
    public static BatchView Of(PaymentBatch batch)
    {
        var created = batch.Created!;
        var currency = created.Payments.Count > 0 ? created.Payments[0].Amount.Currency : "EUR";
        return new BatchView(
            created.BatchId, batch.Status.ToString().ToLowerInvariant(), created.MessageId, created.CreatedAt, created.CreatedBy.UserId,
            new Money(created.Payments.Sum(p => p.Amount.Amount), currency), created.Payments, batch.FileSha256, batch.BankReference, batch.ExecutedOn);
    }
}

namespace Grants.Payments.Batches;

public abstract record BatchCommand;

/// <param name="FileSha256">The hash of the file as exported, so an auditor can match the file the bank got.</param>
/// <param name="FrozenGrants">Grants of the batch frozen since it was made: the file must not go to the bank.</param>
public sealed record ExportBatch(string FileSha256, IReadOnlyList<Guid> FrozenGrants, Actor By, DateTimeOffset Now) : BatchCommand;

public sealed record RecordBatchExecution(string BankReference, DateOnly ExecutedOn, Actor By) : BatchCommand;

public sealed record RecordBatchRejection(string Reason, Actor By) : BatchCommand;

/// <summary>
/// A batch is exported (any number of times, the same file), then executed once or rejected once;
/// a rejected batch is never exported again, or its payments could reach the bank twice. Pure.
/// </summary>
public static class BatchDecider
{
    public static IReadOnlyList<object> Decide(BatchCommand command, PaymentBatch state) => (command, state) switch
    {
        (_, { Status: BatchStatus.None }) => throw new DomainException("batch.not_found", "No such payment batch.", DomainErrorKind.NotFound),
        (ExportBatch { FrozenGrants.Count: > 0 } c, { Status: BatchStatus.Created or BatchStatus.Exported }) => throw new DomainException(
            "batch.grant_frozen",
            $"Grant {string.Join(", ", c.FrozenGrants)} in this batch was frozen after a confirmed sanctions hit: reject the batch and gather a new one.",
            DomainErrorKind.Conflict),
        (ExportBatch c, { Status: BatchStatus.Created }) => [new PaymentBatchExported(c.FileSha256, c.Now, c.By)],
        (ExportBatch, { Status: BatchStatus.Rejected }) => throw new DomainException(
            "batch.rejected",
            "The batch was rejected; its payments went back to be batched again, so this file must not go to the bank. Export the batch that holds them now.",
            DomainErrorKind.Conflict),
        (ExportBatch, _) => [],
        (RecordBatchExecution, { Status: BatchStatus.Created }) =>
            throw new DomainException("batch.not_exported", "The batch has not been exported: the bank cannot have executed it."),
        (RecordBatchExecution c, { Status: BatchStatus.Exported }) => [new PaymentBatchExecuted(c.BankReference, c.ExecutedOn, c.By)],
        (RecordBatchExecution c, { Status: BatchStatus.Executed }) when c.BankReference == state.BankReference && c.ExecutedOn == state.ExecutedOn => [],
        (RecordBatchExecution, { Status: BatchStatus.Executed }) =>
            throw new DomainException("batch.already_executed", $"The batch was already executed under bank reference {state.BankReference}.", DomainErrorKind.Conflict),
        (RecordBatchExecution, _) => throw new DomainException("batch.rejected", "The batch was rejected; its payments are in no batch now.", DomainErrorKind.Conflict),
        (RecordBatchRejection c, { Status: BatchStatus.Created or BatchStatus.Exported }) => [new PaymentBatchRejected(c.Reason, c.By)],
        (RecordBatchRejection, { Status: BatchStatus.Rejected }) => [],
        (RecordBatchRejection, _) =>
            throw new DomainException("batch.already_executed", "An executed batch cannot be rejected; a wrong payment is recovered, not undone.", DomainErrorKind.Conflict),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown batch command."),
    };
}

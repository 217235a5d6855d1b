using Grants.Hosting.Http;
using Grants.Payments.Batches;
using static Grants.Payments.Tests.Batches.Batches;

namespace Grants.Payments.Tests.Batches;

public sealed class When_a_batch_is_settled
{
    private static readonly Actor Fiona = new("fiona", "finance");
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 15, 0, 0, TimeSpan.Zero);

    private static PaymentBatch State(params object[] events) => events.Aggregate(PaymentBatch.Initial, PaymentBatch.Evolve);

    private static readonly PaymentBatchCreated Made = Created(Payment(1, 48_000m, new DateOnly(2026, 3, 10)));

    private static readonly PaymentBatchExported Exported = new("abc", Now, Fiona);

    [Fact]
    public void Should_record_the_first_export_only()
    {
        Assert.IsType<PaymentBatchExported>(Assert.Single(BatchDecider.Decide(new ExportBatch("abc", [], Fiona, Now), State(Made))));
        Assert.Empty(BatchDecider.Decide(new ExportBatch("abc", [], Fiona, Now.AddHours(1)), State(Made, Exported)));
    }

    [Fact]
    public void Should_refuse_to_export_a_batch_holding_a_grant_frozen_since_and_still_let_it_be_rejected()
    {
        var frozen = Guid.NewGuid();

        var error = Assert.Throws<DomainException>(() => BatchDecider.Decide(new ExportBatch("abc", [frozen], Fiona, Now), State(Made, Exported)));

        Assert.Equal(("batch.grant_frozen", DomainErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Contains(frozen.ToString(), error.Message, StringComparison.Ordinal);
        Assert.IsType<PaymentBatchRejected>(Assert.Single(BatchDecider.Decide(new RecordBatchRejection("frozen grant", Fiona), State(Made, Exported))));
    }

    [Fact]
    public void Should_refuse_execution_of_a_batch_never_exported()
    {
        var error = Assert.Throws<DomainException>(() => BatchDecider.Decide(new RecordBatchExecution("BANK-1", new DateOnly(2026, 3, 10), Fiona), State(Made)));

        Assert.Equal("batch.not_exported", error.Code);
    }

    [Fact]
    public void Should_record_execution_once_and_refuse_another_bank_reference()
    {
        var execute = new RecordBatchExecution("BANK-1", new DateOnly(2026, 3, 10), Fiona);
        var executed = State(Made, Exported, Assert.Single(BatchDecider.Decide(execute, State(Made, Exported))));

        Assert.Empty(BatchDecider.Decide(execute, executed));
        Assert.Equal("batch.already_executed", Assert.Throws<DomainException>(() => BatchDecider.Decide(execute with { BankReference = "BANK-2" }, executed)).Code);
        Assert.Equal("batch.already_executed", Assert.Throws<DomainException>(() => BatchDecider.Decide(new RecordBatchRejection("late", Fiona), executed)).Code);
    }

    [Fact]
    public void Should_refuse_to_export_a_rejected_batch_again_since_its_payments_may_be_in_another_one()
    {
        var rejected = State(Made, Exported, new PaymentBatchRejected("IBAN unknown", Fiona));

        var error = Assert.Throws<DomainException>(() => BatchDecider.Decide(new ExportBatch("abc", [], Fiona, Now.AddDays(1)), rejected));

        Assert.Equal(("batch.rejected", DomainErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void Should_refuse_to_execute_a_rejected_batch()
    {
        var rejected = State(Made, Exported, new PaymentBatchRejected("IBAN unknown", Fiona));

        Assert.Empty(BatchDecider.Decide(new RecordBatchRejection("IBAN unknown", Fiona), rejected));
        Assert.Equal("batch.rejected", Assert.Throws<DomainException>(() =>
            BatchDecider.Decide(new RecordBatchExecution("BANK-1", new DateOnly(2026, 3, 10), Fiona), rejected)).Code);
    }
}

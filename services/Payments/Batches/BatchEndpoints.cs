using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Grants.Hosting.Security;
using Grants.Payments.Grants;
using Grants.Payments.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grants.Payments.Batches;

public sealed record BatchExecutionRequest(string? BankReference, DateOnly? ExecutedOn);

public sealed record BatchRejectionRequest(string? Reason);

/// <summary>
/// Approved tranches gathered into a batch, exported as pain.001, then marked executed or rejected.
/// The batch and every grant it touches are written in one transaction with their expected
/// versions, so a tranche enters one batch and is paid once, however many instances or retries.
/// </summary>
public static class BatchEndpoints
{
    public const string XmlContentType = "application/xml";

    private static readonly string[] Statuses = [.. Enum.GetValues<BatchStatus>().Skip(1).Select(s => s.ToString().ToLowerInvariant())];

    public static IEndpointRouteBuilder MapPaymentBatches(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/payment-batches").WithTags("Payment batches");
        batches.MapPost("", Create).RequireAuthorization(GrantsPolicies.Finance).WithIdempotencyKey();
        batches.MapGet("", List).RequireAuthorization(GrantsPolicies.Staff);
        batches.MapGet("/{id:guid}", Get).RequireAuthorization(GrantsPolicies.Staff);
        batches.MapGet("/{id:guid}/file", File).RequireAuthorization(GrantsPolicies.Staff);
        batches.MapPost("/{id:guid}/export", Export).RequireAuthorization(GrantsPolicies.Finance);
        batches.MapPost("/{id:guid}/execution", Execute).RequireAuthorization(GrantsPolicies.Finance).WithIdempotencyKey();
        batches.MapPost("/{id:guid}/rejection", Reject).RequireAuthorization(GrantsPolicies.Finance).WithIdempotencyKey();
        return app;
    }

    private static async Task<Created<BatchView>> Create(
        ClaimsPrincipal user, EventStore store, LedgerQueries ledger, DebtorSettings debtor, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var debtorAccount = debtor.Current();
        var approved = await ledger.Approved(ct);
        var batchId = Guid.CreateVersion7();
        var by = new Actor(user.UserId(), GrantsRoles.Finance);
        var session = store.OpenSession(new EventMetadata(batchId, UserId: by.UserId, Role: by.Role));
        var payments = new List<BatchPayment>();
        foreach (var tranches in approved.GroupBy(t => t.GrantId))
        {
            var grant = await session.FetchForWriting<Grant>(tranches.Key, ct);
            // SEPA credit transfers are in euro; anything else stays approved for another channel.
            var events = GrantDecider.DecideAll(
                tranches.Where(t => grant.State.Tranche(t.Number)?.Amount?.Currency == "EUR").Select(t => new BatchTranche(t.Number, batchId)),
                grant.State);
            payments.AddRange(events.OfType<TrancheBatched>().Select(e => Payment(tranches.Key, grant.State, e)));
            session.Write(tranches.Key, GrantStream.Type, grant.Version, events);
        }

        if (payments.Count == 0)
        {
            throw new DomainException("batch.nothing_to_pay", "No approved tranche waits for a batch.");
        }

        var created = new PaymentBatchCreated(batchId, $"{batchId:N}".ToUpperInvariant(), time.GetUtcNow(), by, debtorAccount, payments);
        session.StartStream(batchId, "payment-batch", created);
        await session.SaveChanges(ct);
        context.Response.SetETag(1);
        return TypedResults.Created($"/payment-batches/{batchId}", BatchView.Of(PaymentBatch.Evolve(PaymentBatch.Initial, created)));
    }

    /// <summary><c>?status=</c> may be repeated (created, exported, executed, rejected); newest first.</summary>
    private static async Task<Ok<Paged<BatchSummary>>> List(string[]? status, PageRequest page, LedgerQueries ledger, CancellationToken ct)
    {
        new Validation().EachOneOf(nameof(status), status, Statuses).ThrowIfInvalid();
        return TypedResults.Ok(await ledger.Batches(status is { Length: > 0 } ? status : null, page, ct));
    }

    private static async Task<Ok<BatchView>> Get(Guid id, EventStore store, HttpContext context, CancellationToken ct)
    {
        var batch = await store.AggregateStream<PaymentBatch>(id, ct: ct);
        context.Response.SetETag(batch.Version);
        return TypedResults.Ok(BatchView.Of(batch.State));
    }

    /// <summary>
    /// The file as it was (or would be) exported, without recording an export: for auditors and
    /// re-checks. A rejected batch's payments went back to be batched again, so its file goes to the
    /// auditor alone: in anyone else's hands it is a second way to the bank.
    /// </summary>
    private static async Task<FileContentHttpResult> File(Guid id, EventStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var batch = await store.AggregateStream<PaymentBatch>(id, ct: ct);
        if (batch.State.Status == BatchStatus.Rejected && !user.IsInRole(GrantsRoles.Auditor))
        {
            throw new DomainException(
                "batch.rejected", "The batch was rejected; its file must not go to the bank. Its payments are in the batch that holds them now.", DomainErrorKind.Conflict);
        }

        return TypedResults.File(Pain001.Write(batch.State.Created!), XmlContentType, FileName(batch.State.Created!));
    }

    private static async Task<FileContentHttpResult> Export(Guid id, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var session = store.OpenSession(new EventMetadata(id, UserId: user.UserId(), Role: GrantsRoles.Finance));
        var batch = await session.FetchForWriting<PaymentBatch>(id, ct);
        var file = batch.State.Created is { } created ? Pain001.Write(created) : [];
        var frozen = new List<Guid>();
        foreach (var grantId in batch.State.Created?.Payments.Select(p => p.GrantId).Distinct() ?? [])
        {
            if ((await session.FetchForWriting<Grant>(grantId, ct)).State.FrozenReason is not null)
            {
                frozen.Add(grantId);
            }
        }

        var events = BatchDecider.Decide(
            new ExportBatch(Convert.ToHexStringLower(SHA256.HashData(file)), frozen, new Actor(user.UserId(), GrantsRoles.Finance), time.GetUtcNow()),
            batch.State);
        session.Write(id, "payment-batch", batch.Version, events);
        await session.SaveChanges(ct);
        context.Response.SetETag(batch.Version + events.Count);
        return TypedResults.File(file, XmlContentType, FileName(batch.State.Created!));
    }

    private static async Task<Ok<BatchView>> Execute(
        Guid id, BatchExecutionRequest body, ClaimsPrincipal user, EventStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.BankReference), body.BankReference)
            .MaxLength(nameof(body.BankReference), body.BankReference, 35)
            .Must(body.BankReference is null || body.BankReference.All(c => c is >= ' ' and <= '~'), nameof(body.BankReference), "must be printable ASCII.")
            .Required(nameof(body.ExecutedOn), body.ExecutedOn)
            .ThrowIfInvalid();
        var now = time.GetUtcNow();
        return await Settle(id, user, store, context,
            new RecordBatchExecution(body.BankReference!, body.ExecutedOn!.Value, new Actor(user.UserId(), GrantsRoles.Finance)),
            (batch, payment) => new RecordTranchePayment(payment.TrancheNumber, batch.BatchId, body.BankReference!, body.ExecutedOn!.Value, now), ct);
    }

    private static async Task<Ok<BatchView>> Reject(Guid id, BatchRejectionRequest body, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Reason), body.Reason).MaxLength(nameof(body.Reason), body.Reason, 500).ThrowIfInvalid();
        return await Settle(id, user, store, context,
            new RecordBatchRejection(body.Reason!, new Actor(user.UserId(), GrantsRoles.Finance)),
            (batch, payment) => new UnbatchTranche(payment.TrancheNumber, batch.BatchId, $"batch rejected: {body.Reason}"), ct);
    }

    /// <summary>Records the bank's answer on the batch and on every grant in it, in one transaction.</summary>
    private static async Task<Ok<BatchView>> Settle(
        Guid id, ClaimsPrincipal user, EventStore store, HttpContext context,
        BatchCommand command, Func<PaymentBatchCreated, BatchPayment, GrantCommand> perPayment, CancellationToken ct)
    {
        var session = store.OpenSession(new EventMetadata(id, UserId: user.UserId(), Role: GrantsRoles.Finance));
        var batch = await session.FetchForWriting<PaymentBatch>(id, ct);
        var events = BatchDecider.Decide(command, batch.State);
        if (events.Count > 0)
        {
            var created = batch.State.Created!;
            foreach (var payments in created.Payments.GroupBy(p => p.GrantId))
            {
                var grant = await session.FetchForWriting<Grant>(payments.Key, ct);
                var grantEvents = GrantDecider.DecideAll(payments.Select(p => perPayment(created, p)), grant.State);
                session.Write(payments.Key, GrantStream.Type, grant.Version, grantEvents);
            }

            session.Append(id, batch.Version, events);
            await session.SaveChanges(ct);
        }

        context.Response.SetETag(batch.Version + events.Count);
        return TypedResults.Ok(BatchView.Of(events.Aggregate(batch.State, PaymentBatch.Evolve)));
    }

    private static BatchPayment Payment(Guid grantId, Grant grant, TrancheBatched batched)
    {
        var tranche = grant.Tranche(batched.Number)!;
        var terms = grant.Terms!;
        var remittance = SepaText.Clean(
            string.Create(CultureInfo.InvariantCulture, $"Grant {terms.CallReference} {terms.Title} - tranche {tranche.Number} of {grant.Tranches.Count}"), 140);
        return new BatchPayment(
            grantId, grant.ApplicationId, tranche.Number, tranche.Amount!, tranche.Preparation!.ExecutionDate, batched.EndToEndId, tranche.Preparation.Account, remittance);
    }

    private static string FileName(PaymentBatchCreated batch) => $"pain.001-{batch.MessageId}.xml";
}

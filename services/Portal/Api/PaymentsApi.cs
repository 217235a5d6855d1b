namespace Grants.Portal.Api;

/// <summary>The Payments service: grants and their tranches, the two signatures, batches and their pain.001 files, sanctions hits.</summary>
public sealed class PaymentsApi(HttpClient http) : ApiClient(http)
{
    public Task<Paged<GrantSummary>> Grants(Guid? callId, int page, CancellationToken ct, int pageSize = 50) =>
        Get<Paged<GrantSummary>>(Query("grants", ("callId", callId), ("page", page), ("pageSize", pageSize)), ct);

    public Task<Versioned<GrantView>> Grant(Guid id, CancellationToken ct) => GetVersioned<GrantView>($"grants/{id}", ct);

    public Task<Versioned<GrantView>> Prepare(Guid id, int number, decimal amount, string currency, DateOnly executionDate, long version, CancellationToken ct) =>
        Send<GrantView>(HttpMethod.Post, $"grants/{id}/tranches/{number}/preparation", new { amount, currency, executionDate }, version, ct);

    public Task<Versioned<GrantView>> Approve(Guid id, int number, long version, CancellationToken ct) =>
        Send<GrantView>(HttpMethod.Post, $"grants/{id}/tranches/{number}/approval", null, version, ct);

    public Task<CallLedger> Ledger(Guid callId, CancellationToken ct) => Get<CallLedger>($"calls/{callId}/ledger", ct);

    /// <summary>Tranches in any of <paramref name="statuses"/> (all when empty), late or not, oldest deadline first.</summary>
    public Task<Paged<TrancheSummary>> Tranches(IReadOnlyList<string> statuses, bool? late, int page, int pageSize, CancellationToken ct) =>
        Get<Paged<TrancheSummary>>(Query("tranches", [.. statuses.Select(s => ("status", (object?)s)), ("late", late), ("page", page), ("pageSize", pageSize)]), ct);

    public Task<Versioned<BatchView>> CreateBatch(string idempotencyKey, CancellationToken ct) =>
        Send<BatchView>(HttpMethod.Post, "payment-batches", null, null, ct, idempotencyKey);

    /// <summary>Payment batches, newest first.</summary>
    public Task<Paged<BatchSummary>> Batches(int page, int pageSize, CancellationToken ct) =>
        Get<Paged<BatchSummary>>(Query("payment-batches", ("page", page), ("pageSize", pageSize)), ct);

    public Task<Versioned<BatchView>> Batch(Guid id, CancellationToken ct) => GetVersioned<BatchView>($"payment-batches/{id}", ct);

    /// <summary>The first export is recorded with the file's hash; later ones give the same bytes.</summary>
    public Task<(byte[] Content, string ContentType, string FileName)> ExportBatch(Guid id, CancellationToken ct) =>
        Download(HttpMethod.Post, $"payment-batches/{id}/export", ct);

    /// <summary>The same file for anyone on staff, recording nothing.</summary>
    public Task<(byte[] Content, string ContentType, string FileName)> BatchFile(Guid id, CancellationToken ct) =>
        Download(HttpMethod.Get, $"payment-batches/{id}/file", ct);

    public Task<Versioned<BatchView>> Execute(Guid id, string bankReference, DateOnly executedOn, string idempotencyKey, CancellationToken ct) =>
        Send<BatchView>(HttpMethod.Post, $"payment-batches/{id}/execution", new { bankReference, executedOn }, null, ct, idempotencyKey);

    public Task<Paged<HitView>> Hits(int page, CancellationToken ct) => Get<Paged<HitView>>(Query("sanctions/hits", ("page", page)), ct);

    public Task<Versioned<HitView>> DecideHit(Guid hitId, string decision, string justification, CancellationToken ct) =>
        Send<HitView>(HttpMethod.Post, $"sanctions/hits/{hitId}/decision", new { decision, justification }, null, ct);
}

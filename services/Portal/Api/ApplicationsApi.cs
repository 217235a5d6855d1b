namespace Grants.Portal.Api;

/// <summary>The Applications service: calls, organisations, applications, agreements and reports.</summary>
public sealed class ApplicationsApi(HttpClient http) : ApiClient(http)
{
    public Task<Paged<CallSummary>> Calls(string? status, int page, CancellationToken ct) =>
        Get<Paged<CallSummary>>(Query("calls", ("status", status), ("page", page)), ct);

    public Task<Versioned<CallView>> Call(Guid id, CancellationToken ct) => GetVersioned<CallView>($"calls/{id}", ct);

    public Task<Versioned<CallView>> DraftCall(object request, string idempotencyKey, CancellationToken ct) =>
        Send<CallView>(HttpMethod.Post, "calls", request, null, ct, idempotencyKey);

    public Task<Versioned<CallView>> OpenCall(Guid id, CancellationToken ct) => Send<CallView>(HttpMethod.Post, $"calls/{id}/open", null, null, ct);

    public Task<Versioned<CallView>> CloseCall(Guid id, string reason, CancellationToken ct) =>
        Send<CallView>(HttpMethod.Post, $"calls/{id}/close", new { reason }, null, ct);

    public Task<Versioned<OrganisationView>> Organisation(Guid id, CancellationToken ct) => GetVersioned<OrganisationView>($"organisations/{id}", ct);

    /// <summary>Organisations whose new bank details await verification, in full.</summary>
    public Task<Paged<OrganisationView>> BankAccountChanges(int page, CancellationToken ct) =>
        Get<Paged<OrganisationView>>(Query("organisations/bank-account-changes", ("page", page), ("pageSize", 100)), ct);

    public Task<Paged<OrganisationSummary>> Organisations(bool? bankAccountVerified, int page, CancellationToken ct, int pageSize = 50) =>
        Get<Paged<OrganisationSummary>>(Query("organisations", ("bankAccountVerified", bankAccountVerified), ("page", page), ("pageSize", pageSize)), ct);

    public Task<Versioned<OrganisationView>> RegisterOrganisation(object request, string idempotencyKey, CancellationToken ct) =>
        Send<OrganisationView>(HttpMethod.Post, "organisations", request, null, ct, idempotencyKey);

    public Task<Versioned<OrganisationView>> UpdateOrganisation(Guid id, object request, long version, CancellationToken ct) =>
        Send<OrganisationView>(HttpMethod.Put, $"organisations/{id}", request, version, ct);

    public Task<Versioned<OrganisationView>> VerifyBankAccount(Guid id, CancellationToken ct) =>
        Send<OrganisationView>(HttpMethod.Post, $"organisations/{id}/bank-account/verify", null, null, ct);

    public Task<Paged<ApplicationSummary>> Applications(Guid? callId, string? status, int page, CancellationToken ct) =>
        Applications(new ApplicationFilter(callId, status), page, PageSize, ct);

    public Task<Paged<ApplicationSummary>> Applications(ApplicationFilter filter, int page, int pageSize, CancellationToken ct) =>
        Get<Paged<ApplicationSummary>>(Query("applications",
            ("callId", filter.CallId), ("status", filter.Status), ("theme", filter.Theme), ("country", filter.Country), ("page", page), ("pageSize", pageSize)), ct);

    public Task<ApplicationCounts> Counts(Guid? callId, CancellationToken ct) => Get<ApplicationCounts>(Query("applications/counts", ("callId", callId)), ct);

    public Task<Versioned<ApplicationView>> Application(Guid id, CancellationToken ct) => GetVersioned<ApplicationView>($"applications/{id}", ct);

    public Task<Versioned<ApplicationView>> DraftApplication(object request, string idempotencyKey, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Post, "applications", request, null, ct, idempotencyKey);

    public Task<Versioned<ApplicationView>> UpdateApplication(Guid id, object request, long version, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Put, $"applications/{id}", request, version, ct);

    public Task<Versioned<ApplicationView>> Attach(Guid id, string fileName, Stream content, string contentType, CancellationToken ct) =>
        Upload<ApplicationView>(Query($"applications/{id}/attachments", ("fileName", fileName)), content, contentType, null, ct);

    public Task<(byte[] Content, string ContentType, string FileName)> Attachment(Guid id, Guid attachmentId, CancellationToken ct) =>
        Download(HttpMethod.Get, $"applications/{id}/attachments/{attachmentId}", ct);

    public Task<Versioned<ApplicationView>> Submit(Guid id, long version, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Post, $"applications/{id}/submit", null, version, ct);

    public Task<Versioned<ApplicationView>> AnswerClarification(Guid id, string answer, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Post, $"applications/{id}/clarification/answer", new { answer }, null, ct);

    public Task<Versioned<ApplicationView>> RequestClarification(Guid id, string question, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Post, $"applications/{id}/clarification", new { question }, null, ct);

    public Task<Versioned<ApplicationView>> DecideEligibility(Guid id, bool eligible, string justification, CancellationToken ct) =>
        Send<ApplicationView>(HttpMethod.Post, $"applications/{id}/eligibility", new { eligible, justification }, null, ct);

    public Task<Versioned<ApplicationStatusView>> Status(Guid id, CancellationToken ct) => GetVersioned<ApplicationStatusView>($"applications/{id}/status", ct);

    public Task<Versioned<ApplicationStatusView>> SignAgreement(Guid id, CancellationToken ct) =>
        Send<ApplicationStatusView>(HttpMethod.Post, $"applications/{id}/agreement/sign", null, null, ct);

    public Task<Versioned<ReportView>> Report(Guid id, CancellationToken ct) => GetVersioned<ReportView>($"reports/{id}", ct);

    public Task<Paged<ReportSummary>> Reports(Guid? callId, string? status, int page, CancellationToken ct) =>
        Get<Paged<ReportSummary>>(Query("reports", ("callId", callId), ("status", status), ("page", page), ("pageSize", 200)), ct);

    public Task<Versioned<ReportView>> AttachToReport(Guid id, string fileName, Stream content, string contentType, CancellationToken ct) =>
        Upload<ReportView>(Query($"reports/{id}/attachments", ("fileName", fileName)), content, contentType, null, ct);

    public Task<(byte[] Content, string ContentType, string FileName)> ReportAttachment(Guid id, Guid attachmentId, CancellationToken ct) =>
        Download(HttpMethod.Get, $"reports/{id}/attachments/{attachmentId}", ct);

    public Task<Versioned<ReportView>> SubmitReport(Guid id, object request, CancellationToken ct) =>
        Send<ReportView>(HttpMethod.Post, $"reports/{id}/submit", request, null, ct);
}

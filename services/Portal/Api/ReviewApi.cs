namespace Grants.Portal.Api;

/// <summary>The Review service: reviewer pools, cases, score sheets, ranking, decisions and report assessment.</summary>
public sealed class ReviewApi(HttpClient http) : ApiClient(http)
{
    public Task<Versioned<ReviewCallView>> Call(Guid callId, CancellationToken ct) => GetVersioned<ReviewCallView>($"calls/{callId}", ct);

    public Task<Versioned<ReviewCallView>> Enlist(Guid callId, string reviewerId, string name, IReadOnlyList<string> themes, CancellationToken ct) =>
        Send<ReviewCallView>(HttpMethod.Put, $"calls/{callId}/reviewers/{Uri.EscapeDataString(reviewerId)}", new { name, themes }, null, ct);

    public Task<Paged<CaseSummary>> Cases(Guid callId, int page, CancellationToken ct, int pageSize = 50, string? status = null) =>
        Get<Paged<CaseSummary>>(Query($"calls/{callId}/cases", ("status", status), ("page", page), ("pageSize", pageSize)), ct);

    public Task<Versioned<CallAssignmentResult>> AssignAll(Guid callId, CancellationToken ct) =>
        Send<CallAssignmentResult>(HttpMethod.Post, $"calls/{callId}/assignments", null, null, ct);

    public Task<Versioned<CaseView>> Case(Guid applicationId, CancellationToken ct) => GetVersioned<CaseView>($"cases/{applicationId}", ct);

    public Task<Versioned<ReviewerCaseView>> MyCase(Guid applicationId, CancellationToken ct) => GetVersioned<ReviewerCaseView>($"cases/{applicationId}", ct);

    public Task<Paged<AssignedCase>> MyCases(int page, CancellationToken ct) => Get<Paged<AssignedCase>>(Query("reviewers/me/cases", ("page", page)), ct);

    public Task<Versioned<ReviewerCaseView>> Declare(Guid applicationId, bool conflict, string? reason, CancellationToken ct) =>
        Send<ReviewerCaseView>(HttpMethod.Put, $"cases/{applicationId}/declaration", new { conflict, reason }, null, ct);

    public Task<Versioned<ReviewerCaseView>> Score(Guid applicationId, string contentHash, IReadOnlyList<CriterionMark> marks, CancellationToken ct) =>
        Send<ReviewerCaseView>(HttpMethod.Put, $"cases/{applicationId}/sheet", new { contentHash, marks }, null, ct);

    public Task<Versioned<CallRanking>> Ranking(Guid callId, CancellationToken ct) => GetVersioned<CallRanking>($"calls/{callId}/ranking", ct);

    public Task<Versioned<CallRanking>> Propose(Guid callId, IReadOnlyList<object> decisions, long version, CancellationToken ct) =>
        Send<CallRanking>(HttpMethod.Post, $"calls/{callId}/proposals", new { decisions }, version, ct);

    public Task<Versioned<CallRanking>> Confirm(Guid callId, IReadOnlyList<Guid> applicationIds, long version, CancellationToken ct) =>
        Send<CallRanking>(HttpMethod.Post, $"calls/{callId}/confirmations", new { applicationIds }, version, ct);

    public Task<Versioned<AssessmentView>> Assessment(Guid reportId, CancellationToken ct) => GetVersioned<AssessmentView>($"reports/{reportId}", ct);

    public Task<Versioned<AssessmentView>> ApproveReport(
        Guid reportId, IReadOnlyList<LineJustification> justifications, IReadOnlyList<string> remarks, long version, CancellationToken ct) =>
        Send<AssessmentView>(HttpMethod.Post, $"reports/{reportId}/approval", new { justifications, remarks }, version, ct);

    public Task<Versioned<AssessmentView>> RequestReportChanges(Guid reportId, IReadOnlyList<string> comments, long version, CancellationToken ct) =>
        Send<AssessmentView>(HttpMethod.Post, $"reports/{reportId}/change-requests", new { comments }, version, ct);

    public Task<Versioned<CaseView>> RecordConsensus(Guid applicationId, IReadOnlyList<ConsensusMark> marks, long version, CancellationToken ct) =>
        Send<CaseView>(HttpMethod.Post, $"cases/{applicationId}/consensus", new { marks }, version, ct);

    public Task<IReadOnlyList<ComplaintView>> Complaints(Guid callId, CancellationToken ct) => Get<IReadOnlyList<ComplaintView>>($"calls/{callId}/complaints", ct);

    public Task<Versioned<ComplaintView>> Complain(Guid callId, Guid applicationId, string complaint, string idempotencyKey, CancellationToken ct) =>
        Send<ComplaintView>(HttpMethod.Post, $"calls/{callId}/complaints", new { applicationId, complaint }, null, ct, idempotencyKey);

    public Task<Versioned<ComplaintView>> ResolveComplaint(Guid callId, Guid complaintId, string resolution, CancellationToken ct) =>
        Send<ComplaintView>(HttpMethod.Post, $"calls/{callId}/complaints/{complaintId}/resolution", new { resolution }, null, ct);
}

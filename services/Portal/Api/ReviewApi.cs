namespace Grants.Portal.Api;

/// <summary>The Review service: reviewer pools, cases, score sheets, ranking, decisions and report assessment.</summary>
public sealed class ReviewApi(HttpClient http) : ApiClient(http)
{
    public Task<Versioned<ReviewCallView>> Call(Guid callId, CancellationToken ct) => GetVersioned<ReviewCallView>($"calls/{callId}", ct);

    public Task<Versioned<ReviewCallView>> Enlist(Guid callId, string reviewerId, string name, IReadOnlyList<string> themes, CancellationToken ct) =>
        Send<ReviewCallView>(HttpMethod.Put, $"calls/{callId}/reviewers/{Uri.EscapeDataString(reviewerId)}", new { name, themes }, null, ct);

    public Task<Paged<CaseSummary>> Cases(Guid callId, int page, CancellationToken ct) => Get<Paged<CaseSummary>>(Query($"calls/{callId}/cases", ("page", page)), ct);

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

    public Task<Versioned<AssessmentView>> ApproveReport(Guid reportId, IReadOnlyList<string> remarks, CancellationToken ct) =>
        Send<AssessmentView>(HttpMethod.Post, $"reports/{reportId}/approval", new { remarks }, null, ct);

    public Task<Versioned<AssessmentView>> RequestReportChanges(Guid reportId, IReadOnlyList<string> comments, CancellationToken ct) =>
        Send<AssessmentView>(HttpMethod.Post, $"reports/{reportId}/change-requests", new { comments }, null, ct);
}

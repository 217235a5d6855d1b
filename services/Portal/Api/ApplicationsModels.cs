using Grants.Contracts;
using Grants.Contracts.Organisations;

namespace Grants.Portal.Api;

// What the portal reads of the Applications API: the fields its pages show, as the service names them.

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total, int TotalPages);

public sealed record CallSummary(Guid Id, string Reference, string Title, string Status, bool ByInvitationOnly, DateTimeOffset Deadline, string TimeZone, Money Envelope);

public sealed record Criterion(string Name, decimal Weight, int Threshold);

public sealed record CallRules(
    bool ByInvitationOnly, IReadOnlyList<string> Themes, IReadOnlyList<string> Countries, Money Envelope, Money MinimumGrant, Money MaximumGrant,
    int MaxDurationMonths, int MaxApplicationsPerOrganisationPerYear, decimal IndirectCostCapPercent, IReadOnlyList<Criterion> Criteria,
    decimal OverallThreshold, int ReviewersPerApplication, DateTimeOffset SubmissionDeadline, string TimeZone);

public sealed record CallView(Guid Id, string Reference, string Title, string Status, CallRules Rules, int RulesVersion, DateTimeOffset? ClosedAt);

public sealed record Address(string Street, string PostalCode, string City, string Country);

public sealed record Contact(string Name, string Email, string? Phone);

public sealed record OrganisationProfile(string LegalName, string RegistrationNumber, string Country, string LegalForm, Address Address, Contact Contact);

public sealed record OrganisationView(Guid Id, OrganisationProfile Profile, BankAccount? BankAccount, bool BankAccountVerified, BankAccount? PendingBankAccount);

public sealed record OrganisationSummary(Guid Id, string LegalName, string RegistrationNumber, string Country, bool BankAccountVerified);

public sealed record BudgetLine(string Category, string Description, decimal Amount, decimal CoFinancing)
{
    public static IReadOnlyList<string> Categories { get; } = ["staff", "travel", "equipment", "activities", "services", "other", "indirect"];
}

public sealed record Indicator(string Name, string Baseline, string Target);

public sealed record ExpectedResult(string Description, IReadOnlyList<Indicator> Indicators);

public sealed record Objective(string Description, IReadOnlyList<ExpectedResult> Results);

public sealed record Partner(string Name, string Country, string Role);

public sealed record ApplicationContent(
    string Title, string? Theme, IReadOnlyList<string> Countries, DateOnly? StartDate, DateOnly? EndDate, string? Summary,
    IReadOnlyList<Objective> Objectives, IReadOnlyList<BudgetLine> Budget, string Currency, IReadOnlyList<Partner>? Partners = null);

public sealed record Attachment(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At);

public sealed record Clarification(string Question, DateTimeOffset ReplyBy, string? Answer);

public sealed record ApplicationView(
    Guid Id, Guid CallId, Guid OrganisationId, string Status, ApplicationContent Content, Money RequestedAmount, Money CoFinancing,
    IReadOnlyList<Attachment> Attachments, string? ContentHash, DateTimeOffset? SubmittedAt, Clarification? Clarification, bool? Eligible);

public sealed record ApplicationSummary(
    Guid Id, Guid CallId, Guid OrganisationId, string Title, string? Theme, IReadOnlyList<string> Countries, string Status,
    Money RequestedAmount, DateTimeOffset? SubmittedAt, Money? AwardedAmount);

/// <summary>Which applications a list shows; what is null is not filtered on.</summary>
public sealed record ApplicationFilter(Guid? CallId, string? Status, string? Theme = null, string? Country = null);

public sealed record ApplicationCounts(long Total, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByTheme, IReadOnlyDictionary<string, long> ByCountry);

public sealed record ReviewResult(decimal WeightedScore, bool AllThresholdsPassed, IReadOnlyList<string> Comments);

public sealed record FundingResult(string Outcome, Money? Amount, IReadOnlyList<string> Reasons);

public sealed record PaymentRecord(int TrancheNumber, Money Amount, DateOnly ExecutedOn, string EndToEndId);

public sealed record AgreementTerms(Money Amount, DateOnly Start, DateOnly End);

public sealed record ReportStatusView(Guid Id, int Number, string Kind, DateOnly DueDate, string Status);

public sealed record ApplicationStatusView(
    Guid Id, Guid CallId, Guid OrganisationId, string Title, string Status, DateTimeOffset? SubmittedAt, bool? Eligible,
    ReviewResult? Review, FundingResult? Funding, AgreementTerms? Agreement, DateTimeOffset? AgreementSignedAt,
    IReadOnlyList<PaymentRecord> Payments, Money? TotalPaid, IReadOnlyList<ReportStatusView> Reports);

public sealed record ReportSpending(int BudgetLine, string Category, string Description, decimal Budgeted, decimal Spent);

public sealed record ReportSubmission(string Narrative, IReadOnlyList<ReportSpending> Spending, Money DeclaredSpending, Guid? AuditAttachmentId, DateTimeOffset At);

public sealed record ReportAssessment(string Outcome, Money? EligibleSpending, IReadOnlyList<string> Remarks, DateTimeOffset At);

public sealed record ReportView(
    Guid Id, Guid ApplicationId, int Number, string Kind, string Status, DateOnly PeriodEnd, DateOnly DueDate, bool AuditRequired,
    IReadOnlyList<Attachment>? Attachments = null, ReportSubmission? Submission = null, ReportAssessment? Assessment = null);

public sealed record ReportSummary(
    Guid Id, Guid ApplicationId, Guid CallId, Guid OrganisationId, string Organisation, string Title, int Number, string Kind, string Status,
    DateOnly PeriodEnd, DateOnly DueDate, bool AuditRequired, DateTimeOffset? SubmittedAt);

using Grants.Contracts;

namespace Grants.Portal.Api;

// What the portal reads of the Payments API.

public sealed record TrancheView(
    int Number, string Kind, string Condition, Money Planned, Money? Amount, string Status, DateOnly? PayBy, bool Late, string? BlockCode, string? BlockReason,
    Money? PreparedAmount, DateOnly? ExecutionDate, string? PreparedBy, string? ApprovedBy, Guid? BatchId, DateOnly? PaidOn, string? BankReference);

public sealed record GrantView(
    Guid Id, Guid ApplicationId, Guid CallId, Guid OrganisationId, string CallReference, string Title, string Status, Money Amount, Money Paid,
    Money? Recovered, IReadOnlyList<Guid> OverdueReports, IReadOnlyList<TrancheView> Tranches);

public sealed record GrantSummary(Guid Id, Guid ApplicationId, Guid CallId, Guid OrganisationId, string Title, Money Amount, Money Paid, string Status);

public sealed record CallLedger(Guid CallId, string Reference, Money Envelope, Money Committed, Money Paid, Money Recovered, Money Remaining, int Grants);

public sealed record TrancheSummary(Guid GrantId, int Number, Money? Amount, string Status, DateOnly? PayBy, bool Late, Guid? BatchId);

public sealed record BatchPayment(Guid GrantId, Guid ApplicationId, int TrancheNumber, Money Amount, DateOnly ExecutionDate, string EndToEndId, Grants.Contracts.Organisations.BankAccount Creditor);

public sealed record BatchView(
    Guid Id, string Status, string MessageId, DateTimeOffset CreatedAt, string CreatedBy, Money Total, IReadOnlyList<BatchPayment> Payments,
    string? FileSha256, string? BankReference, DateOnly? ExecutedOn);

public sealed record BatchSummary(
    Guid Id, string MessageId, string Status, DateTimeOffset CreatedAt, string CreatedBy, Money Total, int Payments,
    string? BankReference, DateOnly? ExecutedOn, string? RejectionReason);

public sealed record HitView(
    Guid HitId, Guid OrganisationId, string ScreenedName, string Role, string Source, string Reference, string ListedName, double Score, string Status,
    DateTimeOffset FoundAt, string? DecidedBy, string? Justification);

using Grants.Contracts.Calls;
using Grants.Contracts.Ledger;
using Grants.Contracts.Organisations;
using Grants.Contracts.Reports;

namespace Grants.Payments.Grants;

// A grant's stream holds its tranches: every rule about money (the cap, never twice) is checked
// against one consistent state with one expected version.

/// <summary>The submitted project, from ApplicationSubmitted: its dates set the tranche plan.</summary>
public sealed record ProjectRecorded(Guid ApplicationId, Guid CallId, Guid OrganisationId, string Title, DateOnly StartDate, DateOnly EndDate);

public sealed record AwardRecorded(Guid ApplicationId, Guid CallId, Guid OrganisationId, Money Amount, int RulesVersion, DateTimeOffset DecidedAt);

public sealed record GrantOpened(
    Guid GrantId,
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    string CallReference,
    string Title,
    Money Amount,
    DateOnly StartDate,
    DateOnly EndDate,
    string TimeZone,
    int RulesVersion,
    PaymentRules Rules,
    IReadOnlyList<PlannedTranche> Plan);

public sealed record AgreementSigned(Guid ApplicationId, DateTimeOffset CountersignedAt);

/// <param name="Basis">How the amount was reached, for people and auditors (usage, reduction, cap).</param>
/// <param name="LateFrom">The first instant after the pay-by day in the call's time zone.</param>
public sealed record TrancheDue(Guid ApplicationId, int Number, Money Amount, DateOnly PayBy, DateTimeOffset LateFrom, string Basis);

/// <summary>A planned tranche that will not be paid: reduced to nothing, or superseded by the final report.</summary>
public sealed record TrancheWithheld(Guid ApplicationId, int Number, string Reason);

public sealed record TranchePrepared(
    Guid ApplicationId, int Number, Money Amount, DateOnly ExecutionDate, BankAccount Account, Actor PreparedBy, IReadOnlyList<string> ListVersions);

public sealed record TrancheApproved(Guid ApplicationId, int Number, Actor ApprovedBy, IReadOnlyList<string> ListVersions);

/// <param name="ReasonCode">sanctions_hit, report_overdue, grant_frozen, bank_details_missing, bank_details_unverified, bank_details_changed, bank_details_invalid.</param>
public sealed record TrancheBlocked(Guid ApplicationId, int Number, string ReasonCode, string Reason, IReadOnlyList<string> ListVersions);

/// <summary>A tranche blocked by an overdue report is due again once the report is approved, and must be signed again.</summary>
public sealed record TrancheUnblocked(Guid ApplicationId, int Number, string Reason);

public sealed record TrancheBatched(Guid ApplicationId, int Number, Guid BatchId, string EndToEndId);

/// <summary>The batch was rejected by the bank or withdrawn: the tranche is approved again, ready for another batch.</summary>
public sealed record TrancheUnbatched(Guid ApplicationId, int Number, Guid BatchId, string Reason);

public sealed record TranchePaid(
    Guid ApplicationId, int Number, Money Amount, DateOnly ExecutedOn, Guid BatchId, string BankReference, string EndToEndId);

public sealed record TranchePaymentLate(Guid ApplicationId, int Number, DateOnly PayBy, DateTimeOffset NoticedAt);

public sealed record ReportOverdueRecorded(Guid ApplicationId, Guid ReportId, ReportKind Kind, DateOnly DueDate);

public sealed record ReportApproved(Guid ApplicationId, Guid ReportId, ReportKind Kind, Money EligibleSpending, DateTimeOffset ApprovedAt);

public sealed record RecoveryOrdered(Guid ApplicationId, Money Amount, string Reason);

/// <summary>A finance officer confirmed a sanctions hit on the grantee: nothing of this grant may be prepared, approved or exported.</summary>
/// <param name="Reason">Starts with <c>sanctions_confirmed:</c>, then who matched which list entry.</param>
public sealed record GrantFrozen(Guid ApplicationId, Guid OrganisationId, Guid HitId, string Reason, Actor FrozenBy, DateTimeOffset FrozenAt);

public sealed record GrantClosed(Guid ApplicationId, Money TotalPaid, Money Recovered, DateTimeOffset ClosedAt);

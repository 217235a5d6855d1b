using Grants.Contracts.Reports;
using Grants.Payments.Calls;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;

namespace Grants.Payments.Grants;

public abstract record GrantCommand;

/// <param name="Call">The call as Payments knows it; opening the grant needs its rules.</param>
public sealed record RecordProject(ProjectRecorded Project, PaymentCall Call) : GrantCommand;

public sealed record RecordAward(AwardRecorded Award, PaymentCall Call) : GrantCommand;

public sealed record SignAgreement(Guid ApplicationId, DateTimeOffset CountersignedAt) : GrantCommand;

public sealed record ApproveReport(Guid ApplicationId, Guid ReportId, ReportKind Kind, Money EligibleSpending, DateTimeOffset ApprovedAt) : GrantCommand;

public sealed record RecordReportOverdue(Guid ApplicationId, Guid ReportId, ReportKind Kind, DateOnly DueDate) : GrantCommand;

/// <summary>The first signature. <paramref name="Payee"/> and <paramref name="Screening"/> are looked up by the caller, just before.</summary>
public sealed record PrepareTranche(
    int Number, Money Amount, DateOnly ExecutionDate, Actor By, Payee Payee, ScreeningVerdict Screening, DateTimeOffset Now) : GrantCommand;

public sealed record ApproveTranche(int Number, Actor By, Payee Payee, ScreeningVerdict Screening, DateTimeOffset Now) : GrantCommand;

public sealed record BatchTranche(int Number, Guid BatchId) : GrantCommand;

public sealed record UnbatchTranche(int Number, Guid BatchId, string Reason) : GrantCommand;

public sealed record RecordTranchePayment(int Number, Guid BatchId, string BankReference, DateOnly ExecutedOn, DateTimeOffset Now) : GrantCommand;

/// <summary>Sent by the schedule when a tranche's payment deadline has passed; late only if it is still unpaid.</summary>
public sealed record MarkTrancheLate(Guid GrantId, int Number, DateTimeOffset Now) : GrantCommand;

/// <summary>A confirmed sanctions hit on the grantee freezes the grant.</summary>
/// <param name="Finding">Who matched which list entry, as people read it.</param>
public sealed record FreezeGrant(Guid HitId, string Finding, Actor By, DateTimeOffset Now) : GrantCommand;

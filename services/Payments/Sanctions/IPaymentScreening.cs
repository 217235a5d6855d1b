namespace Grants.Payments.Sanctions;

/// <summary>Screens an organisation, its partners and its account holder against the current sanctions lists before money moves.</summary>
public interface IPaymentScreening
{
    Task<ScreeningVerdict> ScreenForPayment(Guid organisationId, CancellationToken cancellationToken);
}

/// <summary>Cleared, or blocked with the reason; always the list versions the screening used, for the audit trail.</summary>
public sealed record ScreeningVerdict(bool Cleared, string? Reason, IReadOnlyList<string> ListVersions);

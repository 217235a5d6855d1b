using Grants.Payments.Organisations;
using Microsoft.Extensions.Configuration;

namespace Grants.Payments.Batches;

/// <summary>The ministry's paying account, from configuration (<c>Payments:Debtor:Name</c>, <c>:Iban</c>, <c>:Bic</c>).</summary>
public sealed class DebtorSettings(IConfiguration configuration)
{
    public Debtor Current()
    {
        var section = configuration.GetSection("Payments:Debtor");
        var debtor = new Debtor(section["Name"] ?? "", section["Iban"] ?? "", section["Bic"] ?? "");
        return debtor.Name.Length > 0 && Iban.IsValid(debtor.Iban) && debtor.Bic.Length is 8 or 11
            ? debtor
            : throw new RequestRejectedException(
                StatusCodes.Status503ServiceUnavailable,
                "payments.debtor_not_configured",
                "The ministry's paying account is not configured (Payments:Debtor:Name, Iban with a valid checksum, Bic); no payment file can be made.");
    }
}

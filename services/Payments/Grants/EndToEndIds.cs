using System.Globalization;

namespace Grants.Payments.Grants;

/// <summary>
/// The pain.001 EndToEndId of a tranche: the same in every batch the tranche is ever put in, so the
/// bank can recognise a second instruction for the same payment. 32 hex digits + "T" + 2 digits = 35, the field's maximum.
/// </summary>
public static class EndToEndIds
{
    public static string For(Guid grantId, int trancheNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{grantId:N}T{trancheNumber:00}").ToUpperInvariant();
}

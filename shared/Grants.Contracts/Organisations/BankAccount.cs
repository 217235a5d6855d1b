namespace Grants.Contracts.Organisations;

public sealed record BankAccount(string Iban, string Bic, string HolderName);

using Grants.Contracts.Organisations;
using Grants.Payments.Batches;

namespace Grants.Payments.Tests.Batches;

internal static class Batches
{
    public static readonly Debtor Ministry = new("SPF Affaires étrangères – Peace Building", "BE68539007547034", "GKCCBEBB");

    public static PaymentBatchCreated Created(params BatchPayment[] payments) =>
        new(Guid.Parse("01938f2e-6a7b-7c3d-9e1f-2a3b4c5d6e7f"), "01938F2E6A7B7C3D9E1F2A3B4C5D6E7F",
            new DateTimeOffset(2026, 3, 9, 14, 30, 15, 123, TimeSpan.Zero), new Actor("fiona", "finance"), Ministry, payments);

    public static BatchPayment Payment(int tranche, decimal amount, DateOnly on, string holder = "Femmes pour la Paix asbl", string? remittance = null)
    {
        var grant = Guid.NewGuid();
        return new BatchPayment(
            grant, Guid.NewGuid(), tranche, Money.Eur(amount), on, EndToEndIds.For(grant, tranche),
            new BankAccount("NL91ABNA0417164300", "ABNANL2A", holder), remittance ?? $"Grant PB-2026-01 Mediation in Bangui - tranche {tranche} of 2");
    }
}

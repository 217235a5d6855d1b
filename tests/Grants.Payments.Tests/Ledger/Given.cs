using Grants.Contracts.Calls;
using Grants.Payments.Calls;

namespace Grants.Payments.Tests.Ledger;

/// <summary>Grants in a known state, built from events through the decider itself.</summary>
internal static class Given
{
    public static readonly Guid Application = Guid.Parse("0b5e1f36-7a41-4d55-9f65-3c1f2a9e0a11");
    public static readonly Guid Call = Guid.Parse("5d8f5a52-2a7e-4d0b-8c0c-6f6a2b1e9c22");
    public static readonly Guid Organisation = Guid.Parse("9a3c4b1e-0e6d-4f4c-a5b7-7d2e8f1c3b33");
    public static readonly DateTimeOffset Signed = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static PaymentCall OpenCall(PaymentRules? rules = null) =>
        PaymentCall.Evolve(PaymentCall.Initial, new CallRulesRecorded(Call, "PB-2026-01", "Peace building 2026", Money.Eur(2_000_000m), "Europe/Brussels", 3, rules ?? new PaymentRules()));

    public static ProjectRecorded Project(DateOnly start, DateOnly end) => new(Application, Call, Organisation, "Mediation in Bangui", start, end);

    public static AwardRecorded Award(decimal amount) => new(Application, Call, Organisation, Money.Eur(amount), 3, Signed.AddDays(-30));

    public static Grant State(params IEnumerable<object> events) => events.Aggregate(Grant.Initial, Grant.Evolve);

    public static Grant After(Grant state, GrantCommand command) => GrantDecider.Decide(command, state).Aggregate(state, Grant.Evolve);

    /// <summary>An opened grant, not yet signed.</summary>
    public static Grant Opened(decimal amount, int months, PaymentRules? rules = null)
    {
        var start = new DateOnly(2026, 4, 1);
        var pending = State(Project(start, start.AddMonths(months).AddDays(-1)));
        return After(pending, new RecordAward(Award(amount), OpenCall(rules)));
    }

    /// <summary>Signed, so its first tranche is due.</summary>
    public static Grant Active(decimal amount, int months, PaymentRules? rules = null) =>
        After(Opened(amount, months, rules), new SignAgreement(Application, Signed));

    /// <summary>Marks tranches paid as if a batch had gone through, without the signatures (tested on their own).</summary>
    public static Grant Paid(Grant state, params int[] numbers) =>
        numbers.Aggregate(state, (grant, number) =>
        {
            var batch = Guid.NewGuid();
            return grant
                .Pipe(new TrancheBatched(Application, number, batch, "E2E"))
                .Pipe(new TranchePaid(Application, number, grant.Tranche(number)!.Amount!, new DateOnly(2026, 3, 20), batch, "BANK-1", "E2E"));
        });

    public static Grant Pipe(this Grant state, object @event) => Grant.Evolve(state, @event);
}

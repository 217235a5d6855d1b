using Grants.Contracts.Calls;

namespace Grants.Payments.Calls;

/// <summary>What Payments keeps of a call: the envelope and the rules its grants are paid by, as the call opened with them.</summary>
public sealed record CallRulesRecorded(
    Guid CallId, string Reference, string Title, Money Envelope, string TimeZone, int RulesVersion, PaymentRules Payments);

public sealed record PaymentCall(bool Known, string Reference, Money Envelope, string TimeZone, int RulesVersion, PaymentRules Payments)
    : IEventSourced<PaymentCall>
{
    public static PaymentCall Initial { get; } = new(false, "", Money.Eur(0m), "Europe/Brussels", 0, new PaymentRules());

    public static PaymentCall Evolve(PaymentCall state, object @event) => @event switch
    {
        CallRulesRecorded e => new(true, e.Reference, e.Envelope, e.TimeZone, e.RulesVersion, e.Payments),
        _ => state,
    };

    /// <summary>A call's rules are recorded once per rules version; a redelivered or older opening changes nothing.</summary>
    public static IReadOnlyList<object> Decide(CallRulesRecorded command, PaymentCall state) =>
        state.Known && state.RulesVersion >= command.RulesVersion ? [] : [command];
}
